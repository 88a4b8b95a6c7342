using SweLancer.Coordinator.Telemetry;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Telemetry;

/// <summary>What one metrics collection reads about a sweep, as the ledger grows, restarts, and the plan arrives.</summary>
public sealed class SweepGaugeStateSpec
{
    private static readonly IReadOnlyList<PlannedItem> Plan =
        [new PlannedItem("q1", 1, "swe_manager", 100m, "h"), new PlannedItem("q2", 1, "swe_manager", 200m, "h")];

    [Fact]
    public void Each_collection_sees_the_results_folded_so_far_and_a_restarted_ledger_is_not_counted_twice()
    {
        var (first, second) = (Graded("q1", GradeOutcome.Passed, 100m), Graded("q2", GradeOutcome.Failed, 200m));
        var state = new SweepGaugeState("s1") { Ledger = new FoldedResults(EarningsLedger.FromEntries("s1", [first])) };

        var beforePlan = state.Refresh();
        state.Plan = Plan;
        var withPlan = state.Refresh();
        state.Ledger.Apply(second);
        var grown = state.Refresh();
        var unchanged = state.Refresh();
        var readByTheOtherInstruments = state.View;
        state.Ledger = new FoldedResults(EarningsLedger.FromEntries("s1", [first])); // the projection restarted from a snapshot taken before the second result
        var restarted = state.Refresh();
        state.Ledger.Apply(second); // and read it again from the journal
        var caughtUp = state.Refresh();

        Assert.Null(beforePlan.Summary);
        Assert.Equal(1, beforePlan.Attempts[("swe_manager", GradeOutcome.Passed)]);
        Assert.Equal((1, 1, 100m), (withPlan.Summary!.Graded, withPlan.Summary.Passed, withPlan.Summary.EarnedUsd));
        Assert.Equal((2, 1, 1, 100m, 300m), (grown.Summary!.Graded, grown.Summary.Passed, grown.Summary.Failed, grown.Summary.EarnedUsd, grown.Summary.AvailableUsd));
        Assert.Same(grown, unchanged);
        Assert.Same(grown, readByTheOtherInstruments);
        Assert.Equal((1, 1, 100m), (restarted.Summary!.Graded, restarted.Summary.Passed, restarted.Summary.EarnedUsd));
        Assert.Equal(new Dictionary<(string, GradeOutcome), long> { [("swe_manager", GradeOutcome.Passed)] = 1 }, restarted.Attempts);
        foreach (var view in new[] { grown, caughtUp })
            Assert.Equal(new Dictionary<(string, GradeOutcome), long> { [("swe_manager", GradeOutcome.Passed)] = 1, [("swe_manager", GradeOutcome.Failed)] = 1 }, view.Attempts);
        Assert.Equal((2, 1, 1, 100m), (caughtUp.Summary!.Graded, caughtUp.Summary.Passed, caughtUp.Summary.Failed, caughtUp.Summary.EarnedUsd));
    }
}
