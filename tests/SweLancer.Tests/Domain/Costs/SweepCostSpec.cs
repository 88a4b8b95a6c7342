using SweLancer.Domain.Costs;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Costs;

public sealed class SweepCostSpec
{
    private static TaskGraded Timed(TaskGraded graded, double wallSeconds, AttemptCost? cost) =>
        graded with { StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(wallSeconds), Cost = cost };

    private static TaskResult Task(TaskGraded graded) => new(graded.QuestionId, graded.Variant, graded.PriceUsd, 1, [graded]);

    [Fact]
    public void Seconds_add_up_per_sweep_and_per_variant_and_earnings_are_priced_per_container_hour()
    {
        var tasks = new[]
        {
            Task(Timed(Graded("ic-1", GradeOutcome.Passed, 1000m, variant: TaskVariants.IcSwe), 150, new AttemptCost(120, 30))),
            Task(Timed(Graded("ic-2", GradeOutcome.Failed, 500m, variant: TaskVariants.IcSwe), 70, new AttemptCost(60, 0))),
            // Journaled before costs were recorded: its wall time counts, its container time is unknown (0).
            Task(Timed(Graded("ic-3", GradeOutcome.Failed, 250m, variant: TaskVariants.IcSwe), 10, null)),
            Task(Timed(Graded("m-1", GradeOutcome.Passed, 2000m), 2, AttemptCost.None)),
        };

        var cost = SweepCost.Of(tasks);

        // 180 container-seconds are 0.05 hours: $3,000 / 0.05 h = $60,000 per container-hour.
        Assert.Equal(new CostFigures(180, 30, 232, 3000m, 60_000m), cost.Total);
        // ic_swe earned $1,000 in the same 0.05 hours: $20,000 per container-hour.
        Assert.Equal(new CostFigures(180, 30, 230, 1000m, 20_000m), cost.ByVariant[TaskVariants.IcSwe]);
        // Manager tasks hold no container: no rate.
        Assert.Equal(new CostFigures(0, 0, 2, 2000m, null), cost.ByVariant[TaskVariants.SweManager]);
    }

    [Fact]
    public void Every_attempt_of_a_task_costs_but_the_task_earns_once()
    {
        var first = Timed(Graded("t", GradeOutcome.Passed, 400m, 1, variant: TaskVariants.IcSwe), 20, new AttemptCost(10, 4));
        var second = Timed(Graded("t", GradeOutcome.Passed, 400m, 2, variant: TaskVariants.IcSwe), 30, new AttemptCost(26, 6));

        var cost = SweepCost.Of([new TaskResult("t", TaskVariants.IcSwe, 400m, 2, [first, second])]);

        // 36 s of containers for $400: 400 * 3600 / 36 = $40,000 per container-hour.
        Assert.Equal(new CostFigures(36, 10, 50, 400m, 40_000m), cost.Total);
    }

    [Theory]
    [InlineData(250, 700, 1285.71)] // 250 * 3600 / 700 = 1285.714…
    [InlineData(0, 3600, 0)]
    public void Dollars_per_container_hour_round_to_the_cent(decimal earned, double seconds, decimal expected) =>
        Assert.Equal(expected, SweepCost.PerContainerHour(earned, seconds));

    [Fact]
    public void No_container_time_gives_no_rate() => Assert.Null(SweepCost.PerContainerHour(1000m, 0));
}
