using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Sweeps;

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

        Assert.Single(state.Graded);
        Assert.Equal(GradeOutcome.Passed, state.Graded[new ResultKey("q1", 1)]);
        Assert.False(state.IsFinished);
    }

    [Fact]
    public void Finished_when_every_planned_attempt_has_a_result()
    {
        var state = SweepState.Empty.Apply(Plan)
            .Apply(Graded("q1", GradeOutcome.Passed, 100m))
            .Apply(Graded("q2", GradeOutcome.Failed, 200m));

        Assert.True(state.IsFinished);
        Assert.Equal(new SweepProgress("s1", Total: 2, Graded: 2, InFlight: 0, Tasks: 2, TasksGraded: 2, Passed: 1, Failed: 1, SystemErrors: 0, EarnedUsd: 100m, AvailableUsd: 300m),
            state.Progress("s1", 0));
    }

    [Fact]
    public void Progress_counts_a_task_answered_right_twice_once_as_the_ledger_does()
    {
        // The case: one $4,000 task passed as attempts 1 and 2 showed "2 passed, $8,000 of $63,000".
        var plan = new SweepPlanned("s1",
            [new PlannedItem("m1", 1, "swe_manager", 4000m, "h"), new PlannedItem("m1", 2, "swe_manager", 4000m, "h"),
             new PlannedItem("m2", 1, "swe_manager", 59_000m, "h")], DateTimeOffset.UnixEpoch);
        var state = SweepState.Empty.Apply(plan)
            .Apply(Graded("m1", GradeOutcome.Passed, 4000m, attempt: 1))
            .Apply(Graded("m1", GradeOutcome.Passed, 4000m, attempt: 2));

        var progress = state.Progress("s1", inFlight: 1);

        Assert.Equal((2, 3, 1), (progress.Graded, progress.Total, progress.InFlight));
        Assert.Equal((1, 1, 4000m, 63_000m), (progress.Passed, progress.TasksGraded, progress.EarnedUsd, progress.AvailableUsd));
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
    public void A_result_outside_the_plan_changes_nothing()
    {
        var state = SweepState.Empty.Apply(Plan).Apply(Graded("q1", GradeOutcome.Passed, 100m));

        var after = state.Apply(Graded("q1", GradeOutcome.Passed, 100m, attempt: 2)).Apply(Graded("stranger", GradeOutcome.Passed, 9000m));

        Assert.Same(state, after);
        Assert.Same(SweepState.Empty, SweepState.Empty.Apply(Graded("q1", GradeOutcome.Passed, 100m)));
    }

    [Fact]
    public void Planning_again_keeps_the_outcomes_of_attempts_still_planned()
    {
        var state = SweepState.Empty.Apply(Plan).Apply(Graded("q1", GradeOutcome.Passed, 100m)).Apply(Graded("q2", GradeOutcome.Failed, 200m));
        var narrower = Plan with { Items = [Plan.Items[1]] };

        var replanned = state.Apply(narrower);

        Assert.Equal([KeyValuePair.Create(new ResultKey("q2", 1), GradeOutcome.Failed)], replanned.Graded);
        Assert.True(replanned.IsFinished);
        Assert.Equal((1, 0, 1, 0m), (replanned.Progress("s1", 0).Graded, replanned.Progress("s1", 0).Passed, replanned.Progress("s1", 0).Failed, replanned.Progress("s1", 0).EarnedUsd));
    }

    [Fact]
    public void A_snapshot_round_trip_keeps_plan_and_results()
    {
        var state = SweepState.Empty.Apply(Plan).Apply(Graded("q2", GradeOutcome.Passed, 200m));

        var restored = SweepState.FromSnapshot(state.ToSnapshot());

        Assert.Equal(state.Total, restored.Total);
        Assert.Equal(state.Graded.OrderBy(g => g.Key.QuestionId), restored.Graded.OrderBy(g => g.Key.QuestionId));
        Assert.True(restored.IsPlannedKey(new ResultKey("q1", 1)));
        Assert.Equal(state.Progress("s1", 0), restored.Progress("s1", 0));
    }

    [Fact]
    public void The_snapshot_keeps_each_outcome_but_not_the_results_themselves()
    {
        var state = SweepState.Empty.Apply(Plan).Apply(Graded("q2", GradeOutcome.Failed, 200m)).Apply(Graded("q1", GradeOutcome.Passed, 100m));

        var snapshot = state.ToSnapshot();

        Assert.Equal([new GradedMark("q1", 1, GradeOutcome.Passed), new GradedMark("q2", 1, GradeOutcome.Failed)], snapshot.Graded.OrderBy(g => g.QuestionId));
    }

    // Sweeps snapshotted by an older version carry every result; they resume to the same state.
    [Fact]
    public void A_snapshot_with_every_result_still_recovers()
    {
        var results = new[] { Graded("q2", GradeOutcome.Passed, 200m), Graded("stranger", GradeOutcome.Passed, 9000m) };
        var live = results.Aggregate(SweepState.Empty.Apply(Plan), (state, graded) => state.Apply(graded));

        var restored = SweepState.FromSnapshot(new SweepSnapshot(Plan, results));

        Assert.Equal(live.Graded.OrderBy(g => g.Key.QuestionId), restored.Graded.OrderBy(g => g.Key.QuestionId));
        Assert.Equal(live.Progress("s1", 0), restored.Progress("s1", 0));
        Assert.Equal((200m, 1), (restored.Progress("s1", 0).EarnedUsd, restored.Progress("s1", 0).Graded));
    }
}
