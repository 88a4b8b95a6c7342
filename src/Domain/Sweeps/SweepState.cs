using System.Collections.Immutable;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Sweeps;

/// <summary>A sweep's persisted state: its plan and the results accepted so far. Pure; the actor only persists and applies.</summary>
public sealed class SweepState
{
    public static readonly SweepState Empty = new(null, ImmutableDictionary<ResultKey, TaskGraded>.Empty, new HashSet<ResultKey>(), null);

    // Shared by every state that has the same plan: rebuilding it per result would make a sweep quadratic. Never
    // changed after it is built, so a plain set (several times faster to build and to ask than an immutable one).
    private readonly IReadOnlySet<ResultKey> _plannedKeys;

    // The ledger's counts, kept per result: the progress is asked for twice a second, and folding every result for it
    // made a 100,000-task sweep allocate gigabytes.
    private readonly TaskTally? _tally;

    private SweepState(SweepPlanned? plan, ImmutableDictionary<ResultKey, TaskGraded> results, IReadOnlySet<ResultKey> plannedKeys,
        TaskTally? tally)
    {
        Plan = plan;
        Results = results;
        _plannedKeys = plannedKeys;
        _tally = tally;
    }

    public SweepPlanned? Plan { get; }

    public ImmutableDictionary<ResultKey, TaskGraded> Results { get; }

    public bool IsPlanned => Plan is not null;

    public int Total => Plan?.Items.Count ?? 0;

    public bool IsFinished => IsPlanned && Results.Count == Total;

    public bool IsPlannedKey(ResultKey key) => _plannedKeys.Contains(key);

    public SweepState Apply(object @event) => @event switch
    {
        SweepPlanned planned => Planned(planned, Results),
        // First result wins: a key is only ever counted once.
        TaskGraded graded => Results.ContainsKey(graded.Key) ? this
            : new SweepState(Plan, Results.Add(graded.Key, graded), _plannedKeys, IsPlannedKey(graded.Key) ? _tally?.Add(graded) : _tally),
        _ => throw new ArgumentException($"Unknown sweep event {@event.GetType().Name}", nameof(@event)),
    };

    public SweepSnapshot ToSnapshot() =>
        new(Plan ?? throw new InvalidOperationException("An unplanned sweep has nothing to snapshot."), Results.Values.ToList());

    public static SweepState FromSnapshot(SweepSnapshot snapshot) => Planned(snapshot.Plan, snapshot.Results.ToImmutableDictionary(r => r.Key));

    public SweepProgress Progress(string sweepId, int inFlight) =>
        SweepProgress.Of(_tally?.Summary(sweepId) ?? LedgerSummary.Of(sweepId, [], Results.Values), inFlight);

    private static SweepState Planned(SweepPlanned plan, ImmutableDictionary<ResultKey, TaskGraded> results)
    {
        var keys = KeysOf(plan);
        var tally = TaskTally.Of(plan.Items).AddAll(results.Values.Where(r => keys.Contains(r.Key)));
        return new SweepState(plan, results, keys, tally);
    }

    private static HashSet<ResultKey> KeysOf(SweepPlanned plan) =>
        plan.Items.Select(i => new ResultKey(i.QuestionId, i.Attempt)).ToHashSet();
}
