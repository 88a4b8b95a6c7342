using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class ForecastConvergenceSpec
{
    [Fact]
    public void The_estimate_is_replayed_in_decision_order_and_ends_at_the_ledger()
    {
        // Four $100 manager tasks decided a minute apart: d (passed), c (failed), b (passed), a (passed).
        var plan = new[] { "a", "b", "c", "d" }.Select(id => new PlannedItem(id, 1, TaskVariants.SweManager, 100m, null)).ToList();
        TaskGraded At(string id, GradeOutcome outcome, int minute) => Graded(id, outcome, 100m) with { FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(minute) };
        var results = new[] { At("a", GradeOutcome.Passed, 4), At("b", GradeOutcome.Passed, 3), At("c", GradeOutcome.Failed, 2), At("d", GradeOutcome.Passed, 1) };

        var points = ForecastConvergence.Of(TaskResult.Of(plan, results), points: 2);

        // After 2 decided (d passed, c failed): 100 earned + 2 × 100 × 1/2 = 200. After all 4: the ledger's 300.
        Assert.Equal([2, 4], points.Select(p => p.Decided));
        Assert.Equal([200m, 300m], points.Select(p => p.EstimateUsd));
        Assert.Equal([DateTimeOffset.UnixEpoch.AddMinutes(2), DateTimeOffset.UnixEpoch.AddMinutes(4)], points.Select(p => p.At));
        Assert.Equal(new Interval(300, 300), points[^1].IntervalUsd);
    }

    [Fact]
    public void A_sweep_with_nothing_decided_has_no_points() =>
        Assert.Empty(ForecastConvergence.Of(TaskResult.Of([new PlannedItem("a", 1, TaskVariants.SweManager, 100m, null)], [])));
}
