using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.Coordinator.Reports.ReportResults;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class CumulativeEarningsSpec
{
    private static PlannedItem Planned(string id, decimal price, int attempt = 1) => new(id, attempt, "swe_manager", price, null);

    [Fact]
    public void Steps_up_by_each_passed_tasks_price_in_finishing_order()
    {
        PlannedItem[] plan = [Planned("a", 100m), Planned("b", 200m), Planned("c", 400m), Planned("d", 800m)];
        TaskGraded[] results =
        [
            At("a", GradeOutcome.Passed, 100m, 0, 30),
            At("b", GradeOutcome.Passed, 200m, 0, 10),
            At("c", GradeOutcome.Failed, 400m, 0, 5),
            At("d", GradeOutcome.Passed, 800m, 10, 20),
        ];

        var points = SweepReport.Of("s1", plan, results).Earnings;

        Assert.Equal([("b", 200m, 10.0), ("d", 1000m, 20.0), ("a", 1100m, 30.0)],
            points.Select(p => (p.QuestionId, p.TotalUsd, (p.At - T0).TotalSeconds)));
    }

    [Fact]
    public void A_task_earns_once_at_its_first_passing_attempt_even_when_a_later_attempt_also_passed()
    {
        PlannedItem[] plan = [Planned("a", 500m, 1), Planned("a", 500m, 2), Planned("a", 500m, 3)];
        TaskGraded[] results =
        [
            At("a", GradeOutcome.Failed, 500m, 0, 5, attempt: 1),
            At("a", GradeOutcome.Passed, 500m, 0, 40, attempt: 2),
            At("a", GradeOutcome.Passed, 500m, 0, 25, attempt: 3),
        ];

        var point = Assert.Single(SweepReport.Of("s1", plan, results).Earnings);

        Assert.Equal((500m, 25.0), (point.TotalUsd, (point.At - T0).TotalSeconds));
    }

    [Fact]
    public void A_result_folded_twice_and_a_result_nobody_planned_add_nothing()
    {
        PlannedItem[] plan = [Planned("a", 100m)];
        var passed = At("a", GradeOutcome.Passed, 100m, 0, 1);

        var report = SweepReport.Of("s1", plan, [passed, passed, At("stray", GradeOutcome.Passed, 9000m, 0, 2)]);

        Assert.Equal(100m, Assert.Single(report.Earnings).TotalUsd);
        Assert.Equal(100m, report.Summary.EarnedUsd);
        Assert.Equal(1, report.GradedAttempts);
    }
}
