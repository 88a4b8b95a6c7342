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
}
