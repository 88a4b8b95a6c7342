using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// The folded results of one sweep, keyed by (question_id, attempt): folding the same result twice changes nothing,
/// so a projection may replay events after a restart without double counting.
/// </summary>
public sealed class EarningsLedger(string sweepId)
{
    private readonly Dictionary<ResultKey, TaskGraded> _entries = [];

    public string SweepId { get; } = sweepId;

    public int Count => _entries.Count;

    public IEnumerable<TaskGraded> Entries => _entries.Values;

    /// <summary>Folds one result. Returns false when it was already folded (or belongs to another sweep).</summary>
    public bool Apply(TaskGraded graded)
    {
        if (graded.SweepId != SweepId)
            return false;
        return _entries.TryAdd(graded.Key, graded);
    }

    public static EarningsLedger FromEntries(string sweepId, IEnumerable<TaskGraded> entries)
    {
        var ledger = new EarningsLedger(sweepId);
        foreach (var entry in entries)
            ledger.Apply(entry);
        return ledger;
    }
}
