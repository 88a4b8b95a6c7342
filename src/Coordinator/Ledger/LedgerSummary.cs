using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Ledger;

/// <summary>Earnings by variant, counted per task.</summary>
public sealed record VariantSummary(int Tasks, int Passed, decimal EarnedUsd);

/// <summary>
/// A sweep's totals, counted per task (question_id): a task passes when any of its attempts passed and then earns its
/// price once; otherwise it failed when any attempt failed, else it is a system error. A task is graded when all its
/// planned attempts are.
/// </summary>
public sealed record LedgerSummary(
    string SweepId,
    int Tasks,
    int Graded,
    int Passed,
    int Failed,
    int SystemErrors,
    decimal EarnedUsd,
    decimal AvailableUsd,
    IReadOnlyDictionary<string, VariantSummary> ByVariant)
{
    public static LedgerSummary Of(string sweepId, IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results)
    {
        var resultsByTask = results.GroupBy(r => r.QuestionId).ToDictionary(g => g.Key, g => g.ToList());
        int graded = 0, passed = 0, failed = 0, errors = 0;
        decimal earned = 0, available = 0;
        var byVariant = new SortedDictionary<string, VariantSummary>(StringComparer.Ordinal);

        foreach (var task in plan.GroupBy(i => i.QuestionId))
        {
            var first = task.First();
            available += first.PriceUsd;
            var attempts = resultsByTask.GetValueOrDefault(task.Key) ?? [];
            var taskPassed = attempts.Any(a => a.Outcome == GradeOutcome.Passed);
            var taskEarned = taskPassed ? first.PriceUsd : 0m;

            if (attempts.Count == task.Count())
            {
                graded++;
                if (taskPassed) passed++;
                else if (attempts.Any(a => a.Outcome == GradeOutcome.Failed)) failed++;
                else errors++;
            }

            earned += taskEarned;
            var variant = byVariant.GetValueOrDefault(first.Variant) ?? new VariantSummary(0, 0, 0m);
            byVariant[first.Variant] = new VariantSummary(
                variant.Tasks + 1, variant.Passed + (taskPassed ? 1 : 0), variant.EarnedUsd + taskEarned);
        }

        return new LedgerSummary(sweepId, plan.Select(i => i.QuestionId).Distinct().Count(),
            graded, passed, failed, errors, earned, available, byVariant);
    }
}
