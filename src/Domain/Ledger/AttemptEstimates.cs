using SweLancer.Messages.Events;

namespace SweLancer.Domain.Ledger;

/// <summary>pass@k and earnings@k for one k: the mean chance a task is solved by k attempts, and the dollars that earns.</summary>
public sealed record KFigures(int K, double PassRate, decimal EarnedUsd);

/// <summary>
/// What several attempts per task say about a model, from the ledger's per-task results. Only the model's own outcomes
/// count: an attempt that ended in a system error (ours) is left out of n. pass@1 is the mean over tasks of c/n (with
/// the same n for every task, the mean over attempts: SWE-Lancer's accuracy); earnings@1 is the expected dollars of a
/// single attempt; earnings@k the dollars if the best of k were submitted. k runs to the fewest attempts any task has.
/// The intervals are 95 % bootstraps over tasks (seeded).
/// </summary>
public sealed record AttemptEstimates(
    int Tasks,
    IReadOnlyList<KFigures> ByK,
    IReadOnlyDictionary<string, IReadOnlyList<KFigures>> ByVariant,
    Interval PassAt1Interval,
    Interval EarnedUsdInterval)
{
    public static AttemptEstimates Of(IReadOnlyList<TaskResult> tasks)
    {
        var counted = tasks.Select(Counts).Where(t => t.N > 0).ToList();
        var byVariant = counted.GroupBy(t => t.Variant, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Figures(g.ToList()));
        return new AttemptEstimates(counted.Count, Figures(counted), byVariant,
            Bootstrap.Percentile(counted, s => s.Count == 0 ? 0 : s.Average(t => (double)t.C / t.N)),
            EarnedInterval(tasks));
    }

    /// <summary>The share of dollars earned, bootstrapped over tasks and scaled to the dollars available, so it never exceeds them.</summary>
    private static Interval EarnedInterval(IReadOnlyList<TaskResult> tasks)
    {
        var available = (double)tasks.Sum(t => t.PriceUsd);
        if (available == 0)
            return new Interval(0, 0);
        var share = Bootstrap.Percentile(tasks, s => s.Sum(t => (double)t.PriceUsd) is var worth and > 0 ? s.Sum(t => (double)t.EarnedUsd) / worth : 0);
        return new Interval(Math.Round(share.Low * available, 2), Math.Round(share.High * available, 2));
    }

    private sealed record Counted(string Variant, decimal PriceUsd, int N, int C);

    private static Counted Counts(TaskResult task) => new(task.Variant, task.PriceUsd,
        task.Attempts.Count(a => a.Outcome != GradeOutcome.SystemError), task.Attempts.Count(a => a.Outcome == GradeOutcome.Passed));

    private static IReadOnlyList<KFigures> Figures(IReadOnlyList<Counted> tasks)
    {
        if (tasks.Count == 0)
            return [];
        return Enumerable.Range(1, tasks.Min(t => t.N))
            .Select(k => new KFigures(k,
                tasks.Average(t => PassAtK.Estimate(t.N, t.C, k)),
                decimal.Round(tasks.Sum(t => t.PriceUsd * (decimal)PassAtK.Estimate(t.N, t.C, k)), 2)))
            .ToList();
    }
}
