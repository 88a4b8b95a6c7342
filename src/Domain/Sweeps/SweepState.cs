using SweLancer.Domain.Collections;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Sweeps;

/// <summary>
/// A sweep's persisted state: its plan and the outcome of each result accepted so far (the results themselves are the
/// journal's events, which the ledger folds). Pure; the actor only persists and applies.
/// </summary>
public sealed class SweepState
{
    public static readonly SweepState Empty = new(null, FixedKeyMap<ResultKey, GradeOutcome>.Over([]), null);

    // The ledger's counts, kept per result: the progress is asked for twice a second, and folding every result for it
    // made a 100,000-task sweep allocate gigabytes.
    private readonly TaskTally? _tally;

    private SweepState(SweepPlanned? plan, FixedKeyMap<ResultKey, GradeOutcome> graded, TaskTally? tally)
    {
        Plan = plan;
        Graded = graded;
        _tally = tally;
    }

    public SweepPlanned? Plan { get; }

    /// <summary>
    /// The outcome of each planned attempt whose result was accepted. Its keys are the plan's, fixed when the sweep is
    /// planned, so the state holds the same memory after the last result as after the first.
    /// </summary>
    public FixedKeyMap<ResultKey, GradeOutcome> Graded { get; }

    public bool IsPlanned => Plan is not null;

    public int Total => Plan?.Items.Count ?? 0;

    public bool IsFinished => IsPlanned && Graded.Count == Total;

    public bool IsPlannedKey(ResultKey key) => Graded.IsKey(key);

    public SweepState Apply(object @event) => @event switch
    {
        SweepPlanned planned => Planned(planned, Graded),
        // First result wins: a key is only ever counted once. A result outside the plan (never persisted by this
        // version) changes nothing.
        TaskGraded graded => !IsPlannedKey(graded.Key) || Graded.ContainsKey(graded.Key) ? this
            : new SweepState(Plan, Graded.SetItem(graded.Key, graded.Outcome), _tally?.Add(graded.QuestionId, graded.Outcome)),
        _ => throw new ArgumentException($"Unknown sweep event {@event.GetType().Name}", nameof(@event)),
    };

    public SweepMarksSnapshot ToSnapshot() =>
        new(Plan ?? throw new InvalidOperationException("An unplanned sweep has nothing to snapshot."),
            Graded.Select(g => new GradedMark(g.Key.QuestionId, g.Key.Attempt, g.Value)).ToList());

    public static SweepState FromSnapshot(SweepMarksSnapshot snapshot) =>
        Planned(snapshot.Plan, snapshot.Graded.Select(g => KeyValuePair.Create(new ResultKey(g.QuestionId, g.Attempt), g.Outcome)));

    /// <summary>A snapshot written before <see cref="SweepMarksSnapshot"/>, with every result in it.</summary>
    public static SweepState FromSnapshot(SweepSnapshot snapshot) =>
        Planned(snapshot.Plan, snapshot.Results.Select(r => KeyValuePair.Create(r.Key, r.Outcome)));

    public SweepProgress Progress(string sweepId, int inFlight) =>
        SweepProgress.Of(_tally?.Summary(sweepId) ?? LedgerSummary.Of(sweepId, [], []), inFlight);

    // The outcomes already known (a snapshot's, or the state's before a plan event) are set in one pass, and the tally
    // counts them in the same order; those outside the plan are left out of both.
    private static SweepState Planned(SweepPlanned plan, IEnumerable<KeyValuePair<ResultKey, GradeOutcome>> graded)
    {
        var unset = FixedKeyMap<ResultKey, GradeOutcome>.Over(plan.Items.Select(i => new ResultKey(i.QuestionId, i.Attempt)));
        var planned = graded.Where(g => unset.IsKey(g.Key)).ToList();
        var tally = TaskTally.Of(plan.Items).AddAll(planned.Select(g => (g.Key.QuestionId, g.Value)));
        return new SweepState(plan, unset.SetItems(planned), tally);
    }
}
