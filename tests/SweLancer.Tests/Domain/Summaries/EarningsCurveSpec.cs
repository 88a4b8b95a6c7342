using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

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
    public void From_the_tasks_it_is_the_whole_curve_cut_to_the_bound()
    {
        var random = new Random(17);
        foreach (var (tasks, max, seconds) in new[] { (3000, 600, 3600), (400, 7, 50), (900, 600, 1000), (500, 2, 1), (200, 9, 0), (40, 600, 100) })
        {
            var plan = Enumerable.Range(0, tasks).SelectMany(t => Enumerable.Range(1, 1 + t % 2)
                .Select(a => new PlannedItem($"q{t}", a, "swe_manager", 25m * (1 + t % 9) + (t % 4 == 0 ? 0.5m : 0m), null))).ToList();
            // Few distinct seconds, so that many tasks pass in the same instant and their ids order them.
            var results = plan.Select(i => Graded(i.QuestionId, (GradeOutcome)random.Next(3), i.PriceUsd, i.Attempt)
                with { FinishedAt = T0.AddSeconds(random.Next(0, seconds + 1)) }).ToList();
            var grouped = TaskResult.Of(plan, results);

            var expected = EarningsCurve.AtMost(CumulativeEarnings.Of(grouped), max);
            var curve = EarningsCurve.Of(grouped, max);

            Assert.Equal(expected, curve);
            Assert.Equal(expected.Select(p => p.TotalUsd.ToString()), curve.Select(p => p.TotalUsd.ToString())); // scales too
        }
    }

    [Fact]
    public void From_the_tasks_a_first_point_alone_in_its_slice_is_drawn_once()
    {
        var plan = Enumerable.Range(0, 20).Select(t => new PlannedItem($"q{t:D2}", 1, "swe_manager", 100m, null)).ToList();
        var results = plan.Select((i, t) => Graded(i.QuestionId, GradeOutcome.Passed, 100m) with { FinishedAt = T0.AddSeconds(t == 0 ? 0 : 50 + t) }).ToList();
        var grouped = TaskResult.Of(plan, results);

        var curve = EarningsCurve.Of(grouped, 5);

        Assert.Equal(EarningsCurve.AtMost(CumulativeEarnings.Of(grouped), 5), curve);
        Assert.Single(curve, p => p.QuestionId == "q00");
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
