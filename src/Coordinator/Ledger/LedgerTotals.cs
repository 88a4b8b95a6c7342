using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Ledger;

/// <summary>
/// Running totals of a ledger for metrics: attempts by (variant, outcome), and dollars earned by variant counted per task
/// like <see cref="LedgerSummary"/> (a task earns its price once, at its first passed attempt). Fed only results the
/// ledger newly folded; read from the metrics thread, hence the lock.
/// </summary>
public sealed class LedgerTotals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Variant, GradeOutcome Outcome), long> _attempts = [];
    private readonly Dictionary<string, decimal> _earned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _passedTasks = new(StringComparer.Ordinal);
    private int _count;

    public int Count
    {
        get { lock (_gate) return _count; }
    }

    public static LedgerTotals Of(IEnumerable<TaskGraded> folded)
    {
        var totals = new LedgerTotals();
        foreach (var graded in folded)
            totals.Add(graded);
        return totals;
    }

    public void Add(TaskGraded graded)
    {
        lock (_gate)
        {
            _count++;
            var key = (graded.Variant, graded.Outcome);
            _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
            var earned = _earned.GetValueOrDefault(graded.Variant);
            if (graded.Outcome == GradeOutcome.Passed && _passedTasks.Add(graded.QuestionId))
                earned += graded.PriceUsd;
            _earned[graded.Variant] = earned; // a variant with no pass yet still reports 0
        }
    }

    public IReadOnlyList<(string Variant, GradeOutcome Outcome, long Attempts)> Attempts()
    {
        lock (_gate) return _attempts.Select(p => (p.Key.Variant, p.Key.Outcome, p.Value)).ToList();
    }

    public IReadOnlyList<(string Variant, decimal EarnedUsd)> Earned()
    {
        lock (_gate) return _earned.Select(p => (p.Key, p.Value)).ToList();
    }
}
