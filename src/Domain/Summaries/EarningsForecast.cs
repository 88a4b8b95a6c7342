using System.Runtime.InteropServices;
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
        // One pass counts the decided tasks per stratum, per variant and overall: the report recomputes this for every
        // point of its convergence table, on every task of the sweep.
        var strata = new Dictionary<(string Variant, string Band), Counts>();
        var variants = new Dictionary<string, Counts>();
        var overallCounts = new Counts();
        var earned = 0m;
        foreach (var task in tasks)
        {
            if (task.Passed is not { } passed)
                continue;
            CollectionsMarshal.GetValueRefOrAddDefault(strata, (task.Variant, PriceBand.Of(task.PriceUsd).Id), out _).Add(passed);
            CollectionsMarshal.GetValueRefOrAddDefault(variants, task.Variant, out _).Add(passed);
            overallCounts.Add(passed);
            if (passed)
                earned += task.PriceUsd;
        }

        if (overallCounts.Decided == 0)
            return null;

        var byStratum = strata.ToDictionary(s => s.Key, s => Rate.Of(s.Value));
        var byVariant = variants.ToDictionary(v => v.Key, v => Rate.Of(v.Value));
        var overall = Rate.Of(overallCounts);

        double expected = 0, processVariance = 0;
        var undecidedUsd = 0m;
        var borrowed = new Dictionary<Rate, double>(); // each rate's undecided dollars: its own error moves them together
        foreach (var task in tasks)
        {
            if (task.Passed is not null)
                continue;
            var rate = byStratum.GetValueOrDefault((task.Variant, PriceBand.Of(task.PriceUsd).Id)) ?? byVariant.GetValueOrDefault(task.Variant) ?? overall;
            var price = (double)task.PriceUsd;
            expected += price * rate.Passed;
            processVariance += price * price * rate.Smoothed * (1 - rate.Smoothed);
            borrowed[rate] = borrowed.GetValueOrDefault(rate) + price;
            undecidedUsd += task.PriceUsd;
        }

        var rateVariance = borrowed.Sum(b => b.Value * b.Value * b.Key.Smoothed * (1 - b.Key.Smoothed) / b.Key.Count);
        var spread = Z95 * Math.Sqrt(processVariance + rateVariance);
        var (floor, ceiling) = ((double)earned, (double)(earned + undecidedUsd));
        var estimate = (double)earned + expected;
        return new EarningsForecast(tasks.Count, overallCounts.Decided, earned, undecidedUsd, decimal.Round((decimal)estimate, 2),
            new Interval(Math.Round(Math.Max(floor, estimate - spread), 2), Math.Round(Math.Min(ceiling, estimate + spread), 2)));
    }

    /// <summary>Decided and passed tasks of one group, counted in place.</summary>
    private struct Counts
    {
        public int Decided;
        public int Passed;

        public void Add(bool passed)
        {
            Decided++;
            if (passed)
                Passed++;
        }
    }

    /// <summary>A pass rate from decided tasks; <see cref="Smoothed"/> ((c+1)/(n+2)) keeps a few all-pass or all-fail tasks from claiming certainty.</summary>
    private sealed class Rate
    {
        public required int Count { get; init; }

        public required double Passed { get; init; }

        public required double Smoothed { get; init; }

        public static Rate Of(Counts counts) => new()
        {
            Count = counts.Decided, Passed = (double)counts.Passed / counts.Decided, Smoothed = (counts.Passed + 1.0) / (counts.Decided + 2),
        };
    }
}
