using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// One task (question_id) with its planned attempts and the results folded so far, counted as <see cref="Ledger.LedgerSummary"/>
/// counts: it passes when any attempt passed and then earns its price once, at the moment its first passing attempt finished.
/// </summary>
public sealed record TaskResult(string QuestionId, string Variant, decimal PriceUsd, int PlannedAttempts, IReadOnlyList<TaskGraded> Attempts)
{
    public bool Passed => Attempts.Any(a => a.Outcome == GradeOutcome.Passed);

    public decimal EarnedUsd => Passed ? PriceUsd : 0m;

    public DateTimeOffset? EarnedAt => Attempts.Where(a => a.Outcome == GradeOutcome.Passed).Select(a => (DateTimeOffset?)a.FinishedAt).Min();

    /// <summary>Groups a plan and its results by task, in plan order; results for attempts that were not planned are left out.</summary>
    public static IReadOnlyList<TaskResult> Of(IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results)
    {
        var planned = plan.Select(i => (i.QuestionId, i.Attempt)).ToHashSet();
        var byTask = results.Where(r => planned.Contains((r.QuestionId, r.Attempt)))
            .GroupBy(r => r.QuestionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Attempt).ToList());
        return plan.GroupBy(i => i.QuestionId)
            .Select(g => new TaskResult(g.Key, g.First().Variant, g.First().PriceUsd, g.Count(),
                byTask.GetValueOrDefault(g.Key) ?? []))
            .ToList();
    }
}
