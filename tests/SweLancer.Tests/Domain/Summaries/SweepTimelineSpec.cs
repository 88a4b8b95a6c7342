using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class SweepTimelineSpec
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    private static TaskGraded At(string id, int attempt, GradeOutcome outcome, decimal price, int startSecond, int endSecond) =>
        Graded(id, outcome, price, attempt) with { StartedAt = T0.AddSeconds(startSecond), FinishedAt = T0.AddSeconds(endSecond) };

    [Fact]
    public void The_earnings_curve_counts_a_task_passed_twice_once_at_its_first_pass()
    {
        var plan = new[] { new PlannedItem("m1", 1, "swe_manager", 4000m, null), new PlannedItem("m1", 2, "swe_manager", 4000m, null),
            new PlannedItem("m2", 1, "swe_manager", 500m, null) };
        var results = new[]
        {
            At("m1", 1, GradeOutcome.Passed, 4000m, 0, 30),
            At("m1", 2, GradeOutcome.Passed, 4000m, 0, 10),
            At("m2", 1, GradeOutcome.Failed, 500m, 5, 95),
        };

        var timeline = SweepTimeline.Of(plan, results);

        Assert.Equal(4000m, timeline.EarnedUsd);
        Assert.Equal([new EarningsPoint(T0.AddSeconds(10), 4000m, "m1")], timeline.Earnings);
        // 95 s fit in 40 buckets of 5 s: 19 of them.
        Assert.Equal((5, 19), (timeline.BucketSeconds, timeline.Throughput.Count));
        Assert.Equal(new ThroughputBucket(T0.AddSeconds(10), 1, 0, 0), timeline.Throughput[2]);
        Assert.Equal(new ThroughputBucket(T0.AddSeconds(30), 1, 0, 0), timeline.Throughput[6]);
        Assert.Equal(new ThroughputBucket(T0.AddSeconds(90), 0, 1, 0), timeline.Throughput[18]);
        Assert.Equal(3, timeline.Throughput.Sum(b => b.Passed + b.Failed + b.SystemError));
    }

    [Fact]
    public void The_earnings_curve_of_a_large_sweep_is_cut_to_what_the_chart_shows()
    {
        var plan = Enumerable.Range(0, 5000).Select(i => new PlannedItem($"m{i}", 1, "swe_manager", 100m, null)).ToList();
        var results = plan.Select((p, i) => At(p.QuestionId, 1, GradeOutcome.Passed, 100m, i, i + 1)).ToList();

        var timeline = SweepTimeline.Of(plan, results);

        Assert.Equal(SweepTimeline.MaxEarningsPoints, timeline.Earnings.Count);
        Assert.Equal(new EarningsPoint(T0.AddSeconds(5000), 500_000m, "m4999"), timeline.Earnings[^1]);
        Assert.Equal(500_000m, timeline.EarnedUsd);
    }

    [Fact]
    public void Before_any_result_there_is_nothing_to_draw()
    {
        var timeline = SweepTimeline.Of([new PlannedItem("m1", 1, "swe_manager", 100m, null)], []);

        Assert.Equal((null, 0m, 0), (timeline.StartedAt, timeline.EarnedUsd, timeline.Throughput.Count));
    }
}
