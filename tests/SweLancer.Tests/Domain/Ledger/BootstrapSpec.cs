using SweLancer.Domain.Ledger;
using Xunit;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class BootstrapSpec
{
    private static double Mean(IReadOnlyList<double> s) => s.Average();

    [Fact]
    public void Two_tasks_one_passed_give_the_whole_range()
    {
        // Resampled means of {0, 1} are 0, 1/2 or 1 with chances 1/4, 1/2, 1/4: both tails hold far more than 2.5 %.
        Assert.Equal(new Interval(0, 1), Bootstrap.Percentile([0.0, 1.0], Mean));
    }

    [Fact]
    public void One_pass_in_four_tasks_gives_zero_to_three_quarters()
    {
        // Means of four draws from {0,0,0,1}: P(0) = 0.316 > 2.5 %, so the low end is 0; P(mean >= 3/4) = 0.051 > 2.5 %
        // but P(1) = 0.004 < 2.5 %, so the high end is 3/4.
        Assert.Equal(new Interval(0, 0.75), Bootstrap.Percentile([0.0, 0.0, 0.0, 1.0], Mean));
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_identical_tasks_a_point()
    {
        var values = Enumerable.Range(0, 50).Select(i => (double)(i % 7)).ToList();

        Assert.Equal(Bootstrap.Percentile(values, Mean, seed: 3), Bootstrap.Percentile(values, Mean, seed: 3));
        Assert.Equal(new Interval(2, 2), Bootstrap.Percentile([2.0, 2.0, 2.0], Mean));
    }

    [Fact]
    public void The_ratio_bootstrap_draws_as_the_generic_one_does()
    {
        var values = Enumerable.Range(0, 40).Select(i => (double)(i % 5 == 0 ? 1 : 0)).ToList();

        Assert.Equal(Bootstrap.Percentile(values, Mean, seed: 11), Bootstrap.Ratio(values, values.Select(_ => 1.0).ToList(), seed: 11));
    }

    [Fact]
    public void A_ratio_of_sums_weighs_items_by_their_denominators()
    {
        // One $3,000 task earned, one $1,000 task not: resampled shares are 0, 3/4 or 1.
        Assert.Equal(new Interval(0, 1), Bootstrap.Ratio([3000.0, 0.0], [3000.0, 1000.0]));
        Assert.Equal(new Interval(0.75, 0.75), Bootstrap.Ratio([3.0, 3.0], [4.0, 4.0]));
        Assert.Throws<ArgumentException>(() => Bootstrap.Ratio([1.0], [1.0, 2.0]));
    }

    [Fact]
    public void At_the_resampling_limit_the_normal_interval_agrees_with_the_bootstrap()
    {
        // 10,000 tasks with prices from $250 to $32,000, a third of them earned: the dollar share's interval both ways.
        var random = new Random(5);
        var prices = Enumerable.Range(0, Bootstrap.ResampledItemsLimit).Select(_ => 250.0 * random.Next(1, 129)).ToList();
        var earned = prices.Select(p => random.NextDouble() < 0.33 ? p : 0).ToList();

        var resampled = Bootstrap.Ratio(earned, prices);
        var normal = NormalRatioInterval.Of(earned, prices);

        var width = resampled.High - resampled.Low;
        Assert.InRange(width, 0.01, 0.05);
        Assert.InRange(normal.Low, resampled.Low - width / 10, resampled.Low + width / 10);
        Assert.InRange(normal.High, resampled.High - width / 10, resampled.High + width / 10);
    }

    [Fact]
    public void Above_the_limit_the_ratio_interval_is_the_normal_one_and_stays_within_the_items_ratios()
    {
        var count = Bootstrap.ResampledItemsLimit + 1;
        var shares = Enumerable.Range(0, count).Select(i => i % 4 == 0 ? 1.0 : 0.0).ToList();
        var ones = shares.Select(_ => 1.0).ToList();

        Assert.Equal(NormalRatioInterval.Of(shares, ones), Bootstrap.Ratio(shares, ones));
        var interval = Bootstrap.Ratio(shares, ones);
        Assert.True(interval.Low < 0.25 && interval.High > 0.25 && interval.High - interval.Low < 0.02, interval.ToString());
        // Every task passed: no spread, and never above a share of 1.
        Assert.Equal(new Interval(1, 1), Bootstrap.Ratio(ones, ones));
        Assert.Equal(new Interval(0, 0), NormalRatioInterval.Of([0.0, 0.0], [0.0, 0.0]));
    }
}
