using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Domain.Summaries;

/// <summary>
/// A running sweep's final earnings estimated from the tasks decided so far. Tasks are stratified by variant and price
/// band; each undecided task is expected to pass at its stratum's rate (its variant's, then the sweep's, while its
/// stratum has none decided). The 95 % interval is a normal approximation that adds each undecided task's own chance to
/// the uncertainty of the rate it borrows, kept within what can still happen: between the dollars already earned and
/// those plus every undecided price. Analytic rather than resampled, so it is cheap enough to recompute on every poll.
/// </summary>
/// <param name="Decided">Tasks decided (passed, failed or system error).</param>
/// <param name="UndecidedUsd">The prices of the tasks not decided yet.</param>
public sealed record EarningsForecast(int Tasks, int Decided, decimal EarnedUsd, decimal UndecidedUsd, decimal EstimateUsd, Interval IntervalUsd)
{
    private const double Z95 = 1.959964;

    /// <summary>One task as the forecast sees it: null <paramref name="Passed"/> while it is undecided.</summary>
    public sealed record Outlook(string Variant, decimal PriceUsd, bool? Passed);

    /// <returns>Null until a task is decided: there is nothing to estimate from.</returns>
    public static EarningsForecast? Of(IReadOnlyList<TaskResult> tasks) =>
        From(tasks.Select(t => new Outlook(t.Variant, t.PriceUsd, t.Verdict is { } verdict ? verdict == GradeOutcome.Passed : null)).ToList());

    public static EarningsForecast? From(IReadOnlyList<Outlook> tasks)
    {
        var decided = tasks.Where(t => t.Passed is not null).ToList();
        if (decided.Count == 0)
            return null;

        var byStratum = Rates(decided, t => (t.Variant, PriceBand.Of(t.PriceUsd).Id));
        var byVariant = Rates(decided, t => t.Variant);
        var overall = Rate.Of(decided);
        var earned = decided.Where(t => t.Passed == true).Sum(t => t.PriceUsd);
        var undecided = tasks.Where(t => t.Passed is null).ToList();

        double expected = 0, processVariance = 0;
        var borrowed = new Dictionary<Rate, double>(); // each rate's undecided dollars: its own error moves them together
        foreach (var task in undecided)
        {
            var rate = byStratum.GetValueOrDefault((task.Variant, PriceBand.Of(task.PriceUsd).Id)) ?? byVariant.GetValueOrDefault(task.Variant) ?? overall;
            var price = (double)task.PriceUsd;
            expected += price * rate.Passed;
            processVariance += price * price * rate.Smoothed * (1 - rate.Smoothed);
            borrowed[rate] = borrowed.GetValueOrDefault(rate) + price;
        }

        var rateVariance = borrowed.Sum(b => b.Value * b.Value * b.Key.Smoothed * (1 - b.Key.Smoothed) / b.Key.Count);
        var spread = Z95 * Math.Sqrt(processVariance + rateVariance);
        var undecidedUsd = undecided.Sum(t => t.PriceUsd);
        var (floor, ceiling) = ((double)earned, (double)(earned + undecidedUsd));
        var estimate = (double)earned + expected;
        return new EarningsForecast(tasks.Count, decided.Count, earned, undecidedUsd, decimal.Round((decimal)estimate, 2),
            new Interval(Math.Round(Math.Max(floor, estimate - spread), 2), Math.Round(Math.Min(ceiling, estimate + spread), 2)));
    }

    private static Dictionary<TKey, Rate> Rates<TKey>(IEnumerable<Outlook> decided, Func<Outlook, TKey> key) where TKey : notnull =>
        decided.GroupBy(key).ToDictionary(g => g.Key, g => Rate.Of(g.ToList()));

    /// <summary>A pass rate from decided tasks; <see cref="Smoothed"/> ((c+1)/(n+2)) keeps a few all-pass or all-fail tasks from claiming certainty.</summary>
    private sealed class Rate
    {
        public required int Count { get; init; }

        public required double Passed { get; init; }

        public required double Smoothed { get; init; }

        public static Rate Of(IReadOnlyList<Outlook> decided)
        {
            var passed = decided.Count(t => t.Passed == true);
            return new Rate { Count = decided.Count, Passed = (double)passed / decided.Count, Smoothed = (passed + 1.0) / (decided.Count + 2) };
        }
    }
}
