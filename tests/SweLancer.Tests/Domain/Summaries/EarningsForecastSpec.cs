using SweLancer.Domain.Summaries;
using SweLancer.Messages.Tasks;
using Xunit;
using Outlook = SweLancer.Domain.Summaries.EarningsForecast.Outlook;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class EarningsForecastSpec
{
    private static IEnumerable<Outlook> Many(int count, decimal price, bool? passed, string variant = TaskVariants.SweManager) =>
        Enumerable.Repeat(new Outlook(variant, price, passed), count);

    [Fact]
    public void Nothing_decided_gives_no_estimate() =>
        Assert.Null(EarningsForecast.From([.. Many(3, 100m, null)]));

    [Fact]
    public void Undecided_tasks_are_expected_at_their_stratum_rate_with_a_normal_interval()
    {
        // 40 decided $100 tasks, 20 passed: rate 0.5 (smoothed 21/42 = 0.5); 60 undecided $100 tasks.
        var forecast = EarningsForecast.From([.. Many(20, 100m, true), .. Many(20, 100m, false), .. Many(60, 100m, null)])!;

        // estimate = 2,000 earned + 60 × 100 × 0.5. Variance: each task's own chance 60 × 100² × 0.25 = 150,000, plus
        // the rate's error 6,000² × 0.25 / 40 = 225,000; 1.959964 × √375,000 = 1,200.228.
        Assert.Equal((100, 40, 2000m, 6000m, 5000m), (forecast.Tasks, forecast.Decided, forecast.EarnedUsd, forecast.UndecidedUsd, forecast.EstimateUsd));
        Assert.Equal(3799.77, forecast.IntervalUsd.Low, 2);
        Assert.Equal(6200.23, forecast.IntervalUsd.High, 2);
    }

    [Fact]
    public void The_interval_stays_within_what_can_still_happen()
    {
        // 2 decided (1 passed) and one undecided $1,000: the normal interval (±1,200) would pass $1,000 and $2,000.
        var forecast = EarningsForecast.From([.. Many(1, 1000m, true), .. Many(1, 1000m, false), .. Many(1, 1000m, null)])!;
        Assert.Equal(1500m, forecast.EstimateUsd);
        Assert.Equal((1000.0, 2000.0), (forecast.IntervalUsd.Low, forecast.IntervalUsd.High));
    }

    [Fact]
    public void A_stratum_with_nothing_decided_borrows_its_variants_rate_then_the_sweeps()
    {
        var forecast = EarningsForecast.From(
        [
            new(TaskVariants.SweManager, 100m, true), // < $500 band
            new(TaskVariants.SweManager, 600m, false), // $500 – $1k band
            new(TaskVariants.SweManager, 3000m, null), // $2k – $5k: no manager decided there, the manager rate 1/2
            new(TaskVariants.IcSwe, 100m, null), // no ic_swe decided: the sweep's rate 1/2
        ])!;
        Assert.Equal(100m + 1500m + 50m, forecast.EstimateUsd);
    }

    [Fact]
    public void Strata_keep_their_own_rates()
    {
        // Cheap tasks all pass, dear ones all fail: undecided cheap ones are expected to pass, dear ones to fail.
        var forecast = EarningsForecast.From([.. Many(4, 100m, true), .. Many(4, 3000m, false), .. Many(2, 100m, null), .. Many(2, 3000m, null)])!;
        Assert.Equal(400m + 200m, forecast.EstimateUsd);
    }

    [Fact]
    public void Once_everything_is_decided_the_estimate_is_the_ledger()
    {
        var forecast = EarningsForecast.From([.. Many(3, 250m, true), .. Many(2, 700m, false)])!;
        Assert.Equal((750m, 0m, 750m), (forecast.EarnedUsd, forecast.UndecidedUsd, forecast.EstimateUsd));
        Assert.Equal((750.0, 750.0), (forecast.IntervalUsd.Low, forecast.IntervalUsd.High));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_forecast_equals_its_definition_grouped_by_name_on_random_pools(int seed)
    {
        // Pools of every shape: two variants, every price band, strata with nothing decided, free tasks.
        var random = new Random(seed);
        decimal[] prices = [0m, 50m, 250m, 499.99m, 500m, 1_000m, 1_999m, 2_000m, 4_000m, 5_000m, 32_000m];
        for (var round = 0; round < 300; round++)
        {
            var tasks = Enumerable.Range(0, random.Next(1, 80))
                .Select(_ => new Outlook(random.Next(3) == 0 ? TaskVariants.IcSwe : TaskVariants.SweManager, prices[random.Next(prices.Length)],
                    random.Next(3) switch { 0 => null, 1 => true, _ => false }))
                .ToList();
            Assert.Equal(GroupedByName(tasks), EarningsForecast.From(tasks));
        }
    }

    [Fact]
    public void Verdicts_for_another_set_of_tasks_are_refused()
    {
        var strata = ForecastStrata.Of([.. Many(3, 100m, null).Select(t => (t.Variant, t.PriceUsd))]);
        var ex = Assert.Throws<ArgumentException>(() => strata.Forecast(new bool?[] { true, false }));
        Assert.Contains("2 verdicts for 3 tasks", ex.Message);
    }

    /// <summary>
    /// The forecast as first written, each rate looked up by variant and band name for every task; the arrays that
    /// replaced it (the report forecasts 100,000 tasks a dozen times) must give the same figures to the last bit.
    /// </summary>
    private static EarningsForecast? GroupedByName(IReadOnlyList<Outlook> tasks)
    {
        var decided = tasks.Where(t => t.Passed is not null).ToList();
        if (decided.Count == 0)
            return null;
        (int Count, double Passed, double Smoothed) Rate(IEnumerable<Outlook> group)
        {
            var (n, c) = (group.Count(), group.Count(t => t.Passed == true));
            return (n, (double)c / n, (c + 1.0) / (n + 2));
        }
        // Every rate by name: "variant/band" for a stratum, "variant" for a variant, "" for the sweep.
        var rates = decided.GroupBy(t => $"{t.Variant}/{PriceBand.Of(t.PriceUsd).Id}")
            .Concat(decided.GroupBy(t => t.Variant)).Concat(decided.GroupBy(_ => ""))
            .ToDictionary(g => g.Key, g => Rate(g));
        var earned = decided.Where(t => t.Passed == true).Sum(t => t.PriceUsd);
        double expected = 0, processVariance = 0;
        var undecidedUsd = 0m;
        var borrowed = new List<(string Key, (int Count, double Passed, double Smoothed) Rate, double Usd)>();
        foreach (var task in tasks.Where(t => t.Passed is null))
        {
            var stratum = $"{task.Variant}/{PriceBand.Of(task.PriceUsd).Id}";
            var key = rates.ContainsKey(stratum) ? stratum : rates.ContainsKey(task.Variant) ? task.Variant : "";
            var rate = rates[key];
            var price = (double)task.PriceUsd;
            expected += price * rate.Passed;
            processVariance += price * price * rate.Smoothed * (1 - rate.Smoothed);
            var at = borrowed.FindIndex(b => b.Key == key);
            if (at < 0)
                borrowed.Add((key, rate, price));
            else
                borrowed[at] = (key, rate, borrowed[at].Usd + price);
            undecidedUsd += task.PriceUsd;
        }
        var rateVariance = borrowed.Sum(b => b.Usd * b.Usd * b.Rate.Smoothed * (1 - b.Rate.Smoothed) / b.Rate.Count);
        var spread = 1.959964 * Math.Sqrt(processVariance + rateVariance);
        var estimate = (double)earned + expected;
        return new EarningsForecast(tasks.Count, decided.Count, earned, undecidedUsd, decimal.Round((decimal)estimate, 2),
            new SweLancer.Domain.Ledger.Interval(Math.Round(Math.Max((double)earned, estimate - spread), 2),
                Math.Round(Math.Min((double)(earned + undecidedUsd), estimate + spread), 2)));
    }
}
