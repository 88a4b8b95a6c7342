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
    public static readonly SweepState Empty = new(null, LayeredMap<ResultKey, GradeOutcome>.Empty(), new HashSet<ResultKey>(), null);

    // Shared by every state that has the same plan: rebuilding it per result would make a sweep quadratic. Never
    // changed after it is built, so a plain set (several times faster to build and to ask than an immutable one).
    private readonly IReadOnlySet<ResultKey> _plannedKeys;

    // The ledger's counts, kept per result: the progress is asked for twice a second, and folding every result for it
    // made a 100,000-task sweep allocate gigabytes.
    private readonly TaskTally? _tally;

    private SweepState(SweepPlanned? plan, LayeredMap<ResultKey, GradeOutcome> graded, IReadOnlySet<ResultKey> plannedKeys,
        TaskTally? tally)
    {
        Plan = plan;
        Graded = graded;
        _plannedKeys = plannedKeys;
        _tally = tally;
    }

    public SweepPlanned? Plan { get; }

    /// <summary>The outcome of each attempt whose result was accepted.</summary>
    public LayeredMap<ResultKey, GradeOutcome> Graded { get; }

    public bool IsPlanned => Plan is not null;

    public int Total => Plan?.Items.Count ?? 0;

    public bool IsFinished => IsPlanned && Graded.Count == Total;

    public bool IsPlannedKey(ResultKey key) => _plannedKeys.Contains(key);

    public SweepState Apply(object @event) => @event switch
    {
        SweepPlanned planned => Planned(planned, Graded, Graded),
        // First result wins: a key is only ever counted once.
        TaskGraded graded => Graded.ContainsKey(graded.Key) ? this
            : new SweepState(Plan, Graded.SetItem(graded.Key, graded.Outcome), _plannedKeys,
                IsPlannedKey(graded.Key) ? _tally?.Add(graded.QuestionId, graded.Outcome) : _tally),
        _ => throw new ArgumentException($"Unknown sweep event {@event.GetType().Name}", nameof(@event)),
    };

    public SweepMarksSnapshot ToSnapshot() =>
        new(Plan ?? throw new InvalidOperationException("An unplanned sweep has nothing to snapshot."),
            Graded.Select(g => new GradedMark(g.Key.QuestionId, g.Key.Attempt, g.Value)).ToList());

    public static SweepState FromSnapshot(SweepMarksSnapshot snapshot) =>
        FromGraded(snapshot.Plan, snapshot.Graded.Select(g => KeyValuePair.Create(new ResultKey(g.QuestionId, g.Attempt), g.Outcome)).ToList());

    /// <summary>A snapshot written before <see cref="SweepMarksSnapshot"/>, with every result in it.</summary>
    public static SweepState FromSnapshot(SweepSnapshot snapshot) =>
        FromGraded(snapshot.Plan, snapshot.Results.Select(r => KeyValuePair.Create(r.Key, r.Outcome)).ToList());

    public SweepProgress Progress(string sweepId, int inFlight) =>
        SweepProgress.Of(_tally?.Summary(sweepId) ?? LedgerSummary.Of(sweepId, [], []), inFlight);

    // A snapshot holds each key once (it was written from the map): the outcomes become the map's bulk layer, and the
    // tally reads the list, faster to walk than the map.
    private static SweepState FromGraded(SweepPlanned plan, List<KeyValuePair<ResultKey, GradeOutcome>> graded) =>
        Planned(plan, LayeredMap<ResultKey, GradeOutcome>.Empty().SetItems(new Dictionary<ResultKey, GradeOutcome>(graded)), graded);

    private static SweepState Planned(SweepPlanned plan, LayeredMap<ResultKey, GradeOutcome> graded,
        IEnumerable<KeyValuePair<ResultKey, GradeOutcome>> inOrder)
    {
        var keys = KeysOf(plan);
        var tally = TaskTally.Of(plan.Items).AddAll(inOrder.Where(g => keys.Contains(g.Key)).Select(g => (g.Key.QuestionId, g.Value)));
        return new SweepState(plan, graded, keys, tally);
    }

    private static HashSet<ResultKey> KeysOf(SweepPlanned plan) =>
        plan.Items.Select(i => new ResultKey(i.QuestionId, i.Attempt)).ToHashSet();
}
