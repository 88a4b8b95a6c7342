using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class AttemptEstimatesSpec
{
    [Theory]
    [InlineData(3, 1, 1, 1.0 / 3)] // 1 − C(2,1)/C(3,1) = 1 − 2/3
    [InlineData(3, 1, 2, 2.0 / 3)] // 1 − C(2,2)/C(3,2) = 1 − 1/3
    [InlineData(3, 2, 2, 1.0)] // C(1,2) = 0: two draws always hold a pass
    [InlineData(5, 0, 3, 0.0)]
    [InlineData(5, 2, 2, 0.7)] // 1 − C(3,2)/C(5,2) = 1 − 3/10
    [InlineData(10, 3, 5, 1.0 - 21.0 / 252)] // 1 − C(7,5)/C(10,5)
    public void Pass_at_k_is_one_minus_the_chance_that_k_draws_all_fail(int n, int c, int k, double expected) =>
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), 12);

    [Fact]
    public void Pass_at_k_refuses_a_k_beyond_the_attempts() =>
        Assert.Contains("pass@4", Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Estimate(3, 1, 4)).Message);

    [Fact]
    public void Pass_at_k_and_earnings_at_k_average_over_tasks_and_leave_system_errors_out()
    {
        // a ($1,000): pass, fail, fail. b ($3,000): pass, pass, fail. c ($600, ic): fail, fail, system error (n = 2).
        var plan = new[] { ("a", 1000m, TaskVariants.SweManager), ("b", 3000m, TaskVariants.SweManager), ("c", 600m, TaskVariants.IcSwe) }
            .SelectMany(t => Enumerable.Range(1, 3).Select(a => new PlannedItem(t.Item1, a, t.Item3, t.Item2, null))).ToList();
        var results = new[]
        {
            Graded("a", GradeOutcome.Passed, 1000m, 1), Graded("a", GradeOutcome.Failed, 1000m, 2), Graded("a", GradeOutcome.Failed, 1000m, 3),
            Graded("b", GradeOutcome.Passed, 3000m, 1), Graded("b", GradeOutcome.Passed, 3000m, 2), Graded("b", GradeOutcome.Failed, 3000m, 3),
            Graded("c", GradeOutcome.Failed, 600m, 1, variant: TaskVariants.IcSwe), Graded("c", GradeOutcome.Failed, 600m, 2, variant: TaskVariants.IcSwe),
            Graded("c", GradeOutcome.SystemError, 600m, 3, variant: TaskVariants.IcSwe),
        };

        var estimates = AttemptEstimates.Of(TaskResult.Of(plan, results));

        // k runs to 2, the fewest attempts of the model's own (c has two). pass@1 = (1/3 + 2/3 + 0)/3; pass@2 = (2/3 + 1 + 0)/3.
        Assert.Equal(3, estimates.Tasks);
        Assert.Equal([1, 2], estimates.ByK.Select(f => f.K));
        Assert.Equal(1.0 / 3, estimates.ByK[0].PassRate, 12);
        Assert.Equal(5.0 / 9, estimates.ByK[1].PassRate, 12);
        // earnings@1 = 1000/3 + 3000·2/3; earnings@2 = 1000·2/3 + 3000.
        Assert.Equal((2333.33m, 3666.67m), (estimates.ByK[0].EarnedUsd, estimates.ByK[1].EarnedUsd));
        var manager = estimates.ByVariant[TaskVariants.SweManager];
        Assert.Equal([1, 2, 3], manager.Select(f => f.K));
        Assert.Equal(0.5, manager[0].PassRate, 12);
        Assert.Equal(5.0 / 6, manager[1].PassRate, 12);
        Assert.Equal(1.0, manager[2].PassRate, 12);
        Assert.Equal(4000m, manager[2].EarnedUsd);
        // Both manager tasks are certain by k = 3, so every resample agrees: point intervals on the figures.
        Assert.Equal((new Interval(1, 1), new Interval(4000, 4000)), (manager[2].PassRateInterval, manager[2].EarnedUsdInterval));
        Assert.Equal(new Interval(0, 0), estimates.EarnedUsdIntervalByVariant[TaskVariants.IcSwe]);
        Assert.All(estimates.ByK, f => Assert.True(f.PassRateInterval.Low <= f.PassRate && f.PassRate <= f.PassRateInterval.High, $"{f}"));
        Assert.Equal([0.0, 0.0], estimates.ByVariant[TaskVariants.IcSwe].Select(f => f.PassRate));
        // Three tasks resampled can earn nothing ($0) or everything; the interval stays within $0..$4,600 available.
        Assert.True(estimates.EarnedUsdInterval.Low >= 0 && estimates.EarnedUsdInterval.High <= 4600, $"{estimates.EarnedUsdInterval}");
        Assert.True(estimates.EarnedUsdInterval.Low < 4000 && estimates.EarnedUsdInterval.High > 4000, $"{estimates.EarnedUsdInterval} holds the $4,000 earned");
    }

    [Fact]
    public void Without_a_graded_attempt_there_is_nothing_to_estimate()
    {
        var estimates = AttemptEstimates.Of(TaskResult.Of([new PlannedItem("a", 1, TaskVariants.SweManager, 100m, null)], []));

        Assert.Equal((0, 0), (estimates.Tasks, estimates.ByK.Count));
        Assert.Equal(new Interval(0, 0), estimates.PassAt1Interval);
    }
}
