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
    public void Ratios_bootstrapped_together_give_each_what_the_generic_bootstrap_gives_it_alone()
    {
        // Two figures share a count (so they share draws), a third has its own; each must equal its separate bootstrap.
        var a = Enumerable.Range(0, 30).Select(i => ((double)(i % 3 == 0 ? i : 0), (double)(i + 1))).ToList();
        var b = Enumerable.Range(0, 30).Select(i => ((double)(i % 4), 3.0)).ToList();
        var c = Enumerable.Range(0, 17).Select(i => ((double)(i % 2), 1.0 + i % 5)).ToList();
        static double Share(IReadOnlyList<(double Top, double Bottom)> s) => s.Sum(x => x.Top) / s.Sum(x => x.Bottom);

        var together = Bootstrap.Ratios([Split(a), Split(b), Split(c)], seed: 7);

        Assert.Equal([Bootstrap.Percentile(a, Share, seed: 7), Bootstrap.Percentile(b, Share, seed: 7), Bootstrap.Percentile(c, Share, seed: 7)], together);
        Assert.NotEqual(together[0], together[1]);
    }

    private static (IReadOnlyList<double>, IReadOnlyList<double>) Split(List<(double Top, double Bottom)> items) =>
        (items.Select(x => x.Top).ToList(), items.Select(x => x.Bottom).ToList());
}
