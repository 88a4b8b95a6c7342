using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Ledger;

/// <summary>One variant's tasks, counted per task like <see cref="LedgerSummary"/>.</summary>
public sealed record VariantSummary(int Tasks, int Graded, int Passed, int Failed, int SystemErrors, decimal EarnedUsd, decimal AvailableUsd);

/// <summary>
/// A sweep's totals, counted per task (question_id) by <see cref="TaskResult"/>'s rule: a task passes, and earns its
/// price once, when any of its attempts passed. Graded counts the decided tasks (passed, failed or system error);
/// <see cref="Attempts"/> and <see cref="AttemptsGraded"/> count attempts. Every figure a user sees (the progress line,
/// the API, the metrics, summary.json, report.html, the status page) is read from here.
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
    IReadOnlyDictionary<string, VariantSummary> ByVariant,
    int Attempts,
    int AttemptsGraded)
{
    public static LedgerSummary Of(string sweepId, IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results) =>
        Of(sweepId, TaskResult.Of(plan, results));

    public static LedgerSummary Of(string sweepId, IReadOnlyList<TaskResult> tasks)
    {
        var byVariant = new SortedDictionary<string, VariantSummary>(StringComparer.Ordinal);
        foreach (var variant in tasks.GroupBy(t => t.Variant))
        {
            var (graded, passed, failed, errors) = Count(variant);
            byVariant[variant.Key] = new VariantSummary(variant.Count(), graded, passed, failed, errors,
                variant.Sum(t => t.EarnedUsd), variant.Sum(t => t.PriceUsd));
        }

        var all = Count(tasks);
        return new LedgerSummary(sweepId, tasks.Count, all.Graded, all.Passed, all.Failed, all.SystemErrors,
            tasks.Sum(t => t.EarnedUsd), tasks.Sum(t => t.PriceUsd), byVariant,
            tasks.Sum(t => t.PlannedAttempts), tasks.Sum(t => t.Attempts.Count));
    }

    private static (int Graded, int Passed, int Failed, int SystemErrors) Count(IEnumerable<TaskResult> tasks)
    {
        int passed = 0, failed = 0, errors = 0;
        foreach (var task in tasks)
        {
            switch (task.Verdict)
            {
                case GradeOutcome.Passed: passed++; break;
                case GradeOutcome.Failed: failed++; break;
                case GradeOutcome.SystemError: errors++; break;
            }
        }

        return (passed + failed + errors, passed, failed, errors);
    }
}
