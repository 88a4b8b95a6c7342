using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Sweeps;

public sealed class ResultDecisionSpec
{
    private static readonly SweepState Planned = SweepState.Empty.Apply(new SweepPlanned("s1",
        [new PlannedItem("q1", 1, "swe_manager", 100m, null), new PlannedItem("q2", 1, "swe_manager", 200m, null)], DateTimeOffset.UnixEpoch));

    private static ResultDecision Decide(TaskGraded graded, SweepState? state = null, bool beingPersisted = false, bool retriesLeft = true) =>
        ResultDecision.For("s1", state ?? Planned, graded, beingPersisted, retriesLeft);

    [Fact]
    public void A_first_final_answer_is_persisted_as_it_came()
    {
        var graded = Graded("q1", GradeOutcome.Failed, 100m);

        Assert.Equal(new ResultDecision.Persist(graded), Decide(graded));
    }

    [Fact]
    public void Another_sweeps_result_and_an_unplanned_attempt_are_ignored_with_the_reason()
    {
        Assert.Contains("q1#1", Assert.IsType<ResultDecision.Ignore>(Decide(Graded("q1", GradeOutcome.Passed, 100m, sweep: "other"))).Reason);
        Assert.Contains("q1#2", Assert.IsType<ResultDecision.Ignore>(Decide(Graded("q1", GradeOutcome.Passed, 100m, attempt: 2))).Reason);
    }

    [Fact]
    public void A_second_answer_is_a_duplicate_whether_the_first_is_recorded_or_still_being_persisted()
    {
        var first = Graded("q1", GradeOutcome.Passed, 100m);

        Assert.IsType<ResultDecision.Duplicate>(Decide(Graded("q1", GradeOutcome.Failed, 100m), Planned.Apply(first)));
        Assert.IsType<ResultDecision.Duplicate>(Decide(Graded("q1", GradeOutcome.Failed, 100m), beingPersisted: true));
    }

    [Fact]
    public void A_retryable_system_error_is_retried_while_retries_are_left_and_then_persisted()
    {
        var error = Graded("q1", GradeOutcome.SystemError, 100m) with { Retryable = true };

        Assert.IsType<ResultDecision.Retry>(Decide(error, retriesLeft: true));
        Assert.Equal(new ResultDecision.Persist(error), Decide(error, retriesLeft: false));
    }

    [Fact]
    public void A_system_error_that_is_not_retryable_is_final_at_once() =>
        Assert.IsType<ResultDecision.Persist>(Decide(Graded("q1", GradeOutcome.SystemError, 100m)));
}
