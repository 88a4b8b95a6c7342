using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Reports;

public sealed class FlakeAndCostLinesSpec
{
    [Fact]
    public void The_cli_names_each_flaky_task_with_its_runs_then_the_cost_per_sweep_and_variant()
    {
        var first = Graded("ic-1", GradeOutcome.Failed, 1000m, 1, variant: "ic_swe") with
        {
            FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(100),
            Runs = [new(1, GradeOutcome.Failed), new(2, GradeOutcome.Failed), new(3, GradeOutcome.Failed)],
            Cost = new AttemptCost(1800, 600),
        };
        var second = Graded("ic-1", GradeOutcome.Passed, 1000m, 2, variant: "ic_swe") with
        {
            FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(50),
            Runs = [new(1, GradeOutcome.Passed)],
            Cost = new AttemptCost(1800, 0),
        };
        var tasks = new[] { new TaskResult("ic-1", "ic_swe", 1000m, 2, [first, second]) };

        var lines = FlakeAndCostLines.Of(FlakeReport.Of(tasks), SweepCost.Of(tasks));

        Assert.Equal(
        [
            "flaky tasks: 1, $1,000 earned rests on them",
            "  ic-1 (ic_swe, $1,000): attempt 1: failed failed failed; attempt 2: passed",
            "cost: 3,600 s container, 600 s browser, 150 s wall (attempts summed), $1,000 per container-hour",
            "  ic_swe: 3,600 s container, 600 s browser, 150 s wall, $1,000 per container-hour",
        ], lines);
    }

    [Fact]
    public void Without_flakes_or_containers_only_the_cost_line_shows_and_no_rate()
    {
        var tasks = new[] { new TaskResult("m-1", "swe_manager", 500m, 1, [Graded("m-1", GradeOutcome.Passed, 500m)]) };

        Assert.Equal(["cost: 0 s container, 0 s browser, 0 s wall (attempts summed)", "  swe_manager: 0 s container, 0 s browser, 0 s wall"],
            FlakeAndCostLines.Of(FlakeReport.Of(tasks), SweepCost.Of(tasks)));
    }
}
