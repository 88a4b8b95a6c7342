using Xunit;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Sweeps;

public sealed class SweepStateSpec
{
    private static readonly SweepPlanned Plan = new("s1",
        [new PlannedItem("q1", 1, "swe_manager", 100m, "h1"), new PlannedItem("q2", 1, "swe_manager", 200m, "h2")],
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_result_is_recorded_once_per_key()
    {
        var state = SweepState.Empty.Apply(Plan)
            .Apply(Graded("q1", GradeOutcome.Passed, 100m))
            .Apply(Graded("q1", GradeOutcome.Failed, 100m));

        Assert.Single(state.Results);
        Assert.Equal(GradeOutcome.Passed, state.Results[new ResultKey("q1", 1)].Outcome);
        Assert.False(state.IsFinished);
    }

    [Fact]
    public void Finished_when_every_planned_attempt_has_a_result()
    {
        var state = SweepState.Empty.Apply(Plan)
            .Apply(Graded("q1", GradeOutcome.Passed, 100m))
            .Apply(Graded("q2", GradeOutcome.Failed, 200m));

        Assert.True(state.IsFinished);
        Assert.Equal(new SweepProgress("s1", 2, 2, 1, 1, 0, 100m, 0), state.Progress("s1", 0));
    }

    [Fact]
    public void Only_planned_keys_belong_to_the_sweep()
    {
        var state = SweepState.Empty.Apply(Plan);

        Assert.True(state.IsPlannedKey(new ResultKey("q2", 1)));
        Assert.False(state.IsPlannedKey(new ResultKey("q2", 2)));
        Assert.False(state.IsPlannedKey(new ResultKey("zz", 1)));
    }

    [Fact]
    public void A_snapshot_round_trip_keeps_plan_and_results()
    {
        var state = SweepState.Empty.Apply(Plan).Apply(Graded("q2", GradeOutcome.Passed, 200m));

        var restored = SweepState.FromSnapshot(state.ToSnapshot());

        Assert.Equal(state.Total, restored.Total);
        Assert.Equal(state.Results.Keys.Order(), restored.Results.Keys.Order());
        Assert.True(restored.IsPlannedKey(new ResultKey("q1", 1)));
    }
}
