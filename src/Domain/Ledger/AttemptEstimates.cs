using SweLancer.Messages.Events;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// pass@k and earnings@k for one k: the mean chance a task is solved by k attempts, and the dollars that earns, each with
/// its 95 % bootstrap interval over tasks.
/// </summary>
public sealed record KFigures(int K, double PassRate, decimal EarnedUsd, Interval PassRateInterval, Interval EarnedUsdInterval);

/// <summary>
/// What several attempts per task say about a model, from the ledger's per-task results. Only the model's own outcomes
/// count: an attempt that ended in a system error (ours) is left out of n. pass@1 is the mean over tasks of c/n (with
/// the same n for every task, the mean over attempts: SWE-Lancer's accuracy); earnings@1 is the expected dollars of a
/// single attempt; earnings@k the dollars if the best of k were submitted. k runs to the fewest attempts any task has.
/// The intervals are 95 % bootstraps over tasks (seeded); dollar intervals bootstrap the share of the dollars available
/// and scale it back, so they never exceed them.
/// </summary>
/// <param name="EarnedUsdIntervalByVariant">The earned interval of each variant's tasks.</param>
public sealed record AttemptEstimates(
    int Tasks,
    IReadOnlyList<KFigures> ByK,
    IReadOnlyDictionary<string, IReadOnlyList<KFigures>> ByVariant,
    Interval PassAt1Interval,
    Interval EarnedUsdInterval,
    IReadOnlyDictionary<string, Interval> EarnedUsdIntervalByVariant)
{
    public static AttemptEstimates Of(IReadOnlyList<TaskResult> tasks)
    {
        var counted = tasks.Select(Counts).Where(t => t.N > 0).ToList();
        // Every interval is asked for first and drawn when the first is read, so figures over as many tasks share draws.
        var draws = new Draws();
        var byVariant = counted.GroupBy(t => t.Variant, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Figures: Figures(g.ToList(), draws)))
            .ToList();
        var byK = Figures(counted, draws);
        var earnedByVariant = tasks.GroupBy(t => t.Variant, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Interval: EarnedInterval(g.ToList(), draws)))
            .ToList();
        var earned = EarnedInterval(tasks, draws);
        var overall = byK.Select(f => f()).ToList();
        return new AttemptEstimates(counted.Count, overall,
            byVariant.ToDictionary(v => v.Key, v => (IReadOnlyList<KFigures>)v.Figures.Select(f => f()).ToList()),
            overall.Count > 0 ? overall[0].PassRateInterval : new Interval(0, 0), earned(),
            earnedByVariant.ToDictionary(v => v.Key, v => v.Interval()));
    }

    /// <summary>The share of dollars earned, bootstrapped over tasks and scaled to the dollars available, so it never exceeds them.</summary>
    private static Func<Interval> EarnedInterval(IReadOnlyList<TaskResult> tasks, Draws draws) =>
        DollarInterval(tasks.Select(t => (double)t.EarnedUsd).ToList(), tasks.Select(t => (double)t.PriceUsd).ToList(), draws);

    /// <summary>The share of the dollars available that <paramref name="earned"/> makes up, bootstrapped and scaled back to dollars.</summary>
    private static Func<Interval> DollarInterval(IReadOnlyList<double> earned, IReadOnlyList<double> prices, Draws draws)
    {
        var available = prices.Sum();
        if (available == 0)
            return () => new Interval(0, 0);
        var share = draws.Ratio(earned, prices);
        return () => new Interval(Math.Round(share().Low * available, 2), Math.Round(share().High * available, 2));
    }

    private sealed record Counted(string Variant, decimal PriceUsd, int N, int C);

    private static Counted Counts(TaskResult task) => new(task.Variant, task.PriceUsd,
        task.Attempts.Count(a => a.Outcome != GradeOutcome.SystemError), task.Attempts.Count(a => a.Outcome == GradeOutcome.Passed));

    private static IReadOnlyList<Func<KFigures>> Figures(IReadOnlyList<Counted> tasks, Draws draws)
    {
        if (tasks.Count == 0)
            return [];
        var prices = tasks.Select(t => (double)t.PriceUsd).ToList();
        var ones = tasks.Select(_ => 1.0).ToList();
        return Enumerable.Range(1, tasks.Min(t => t.N))
            .Select(k =>
            {
                var chances = tasks.Select(t => PassAtK.Estimate(t.N, t.C, k)).ToList();
                var passRate = chances.Average();
                var earned = decimal.Round(tasks.Select((t, i) => t.PriceUsd * (decimal)chances[i]).Sum(), 2);
                var passInterval = draws.Ratio(chances, ones);
                var earnedInterval = DollarInterval(chances.Select((c, i) => c * prices[i]).ToList(), prices, draws);
                return (Func<KFigures>)(() => new KFigures(k, passRate, earned, passInterval(), earnedInterval()));
            })
            .ToList();
    }

    /// <summary>The bootstraps asked for, run together by <see cref="Bootstrap.Ratios"/> when the first result is read.</summary>
    private sealed class Draws
    {
        private readonly List<(IReadOnlyList<double>, IReadOnlyList<double>)> _figures = [];
        private IReadOnlyList<Interval>? _intervals;

        public Func<Interval> Ratio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
        {
            if (_intervals is not null)
                throw new InvalidOperationException("A bootstrap was asked for after the draws were made.");
            var index = _figures.Count;
            _figures.Add((numerators, denominators));
            return () => (_intervals ??= Bootstrap.Ratios(_figures))[index];
        }
    }
}
