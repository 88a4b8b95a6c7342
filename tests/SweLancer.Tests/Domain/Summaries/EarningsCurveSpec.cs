using SweLancer.Domain.Summaries;
using Xunit;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class EarningsCurveSpec
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_curve_within_the_bound_is_kept_whole() =>
        Assert.Equal(Curve([0, 5, 9]), EarningsCurve.AtMost(Curve([0, 5, 9]), 3));

    [Fact]
    public void A_long_curve_keeps_at_most_the_bound_and_its_value_at_every_slice_end()
    {
        var random = new Random(5);
        foreach (var (count, max) in new[] { (10_000, 600), (1_000, 7), (50, 2), (601, 600) })
        {
            var seconds = Enumerable.Range(0, count).Select(_ => random.Next(0, 36_000)).Order().ToList();
            var curve = Curve(seconds);

            var kept = EarningsCurve.AtMost(curve, max);

            Assert.InRange(kept.Count, 2, max);
            Assert.Equal(curve[0], kept[0]);
            Assert.Equal(curve[^1], kept[^1]);
            Assert.All(kept, p => Assert.Contains(p, curve)); // its own points, nothing invented
            // Read as a step function, the kept curve equals the whole one at the end of every slice: just before the
            // next slice's first tick (the span cut in max - 1 slices after the first point), and at the last point.
            var span = (curve[^1].At - curve[0].At).Ticks;
            for (var slice = 1; slice < max - 1; slice++)
            {
                var nextStarts = curve[0].At.AddTicks((slice * span + max - 2) / (max - 1));
                var justBefore = nextStarts.AddTicks(-1);
                Assert.Equal(ValueAt(curve, justBefore), ValueAt(kept, justBefore));
            }
        }
    }

    [Fact]
    public void Points_all_at_one_moment_keep_the_first_and_the_last() =>
        Assert.Equal([0m, 20m], EarningsCurve.AtMost(Curve([4, 4, 4]), 2).Select(p => p.TotalUsd));

    [Fact]
    public void A_bound_under_two_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EarningsCurve.AtMost(Curve([1, 2, 3]), 1));

    private static decimal ValueAt(IReadOnlyList<EarningsPoint> curve, DateTimeOffset at) =>
        curve.LastOrDefault(p => p.At <= at)?.TotalUsd ?? 0m;

    // A step of $10 per point, the first at $0 so that a curve starts where the sweep did.
    private static List<EarningsPoint> Curve(IEnumerable<int> seconds) =>
        seconds.Select((s, i) => new EarningsPoint(T0.AddSeconds(s), 10m * i, $"q{i}")).ToList();
}
