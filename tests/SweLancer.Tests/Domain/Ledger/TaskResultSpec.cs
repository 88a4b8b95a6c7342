using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class TaskResultSpec
{
    private static readonly PlannedItem[] Plan =
    [
        new("q2", 1, TaskVariants.IcSwe, 500m, null),
        new("q1", 1, TaskVariants.SweManager, 100m, null),
        new("q2", 2, TaskVariants.IcSwe, 500m, null),
    ];

    [Fact]
    public void Tasks_come_in_plan_order_with_their_first_result_per_planned_attempt_in_attempt_order()
    {
        var replayedLater = Graded("q2", GradeOutcome.Passed, 500m, attempt: 2, variant: TaskVariants.IcSwe);
        TaskGraded[] results =
        [
            Graded("q2", GradeOutcome.Failed, 500m, attempt: 2, variant: TaskVariants.IcSwe),
            Graded("q2", GradeOutcome.SystemError, 500m, attempt: 1, variant: TaskVariants.IcSwe),
            replayedLater,
            Graded("q2", GradeOutcome.Passed, 500m, attempt: 3, variant: TaskVariants.IcSwe), // never planned
            Graded("stranger", GradeOutcome.Passed, 9000m),
        ];

        var tasks = TaskResult.Of(Plan, results);

        Assert.Equal(["q2", "q1"], tasks.Select(t => t.QuestionId));
        var q2 = tasks[0];
        Assert.Equal((2, 500m, TaskVariants.IcSwe), (q2.PlannedAttempts, q2.PriceUsd, q2.Variant));
        Assert.Equal([(1, GradeOutcome.SystemError), (2, GradeOutcome.Failed)], q2.Attempts.Select(a => (a.Attempt, a.Outcome)));
        Assert.Equal((false, GradeOutcome.Failed, 0m), (q2.Passed, q2.Verdict, q2.EarnedUsd));
        Assert.Empty(tasks[1].Attempts);
        Assert.Null(tasks[1].Verdict);
    }

    [Fact]
    public void The_earning_attempt_is_the_pass_that_finished_first()
    {
        var late = Graded("q2", GradeOutcome.Passed, 500m, attempt: 1, variant: TaskVariants.IcSwe) with { FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(5) };
        var early = Graded("q2", GradeOutcome.Passed, 500m, attempt: 2, variant: TaskVariants.IcSwe) with { FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(1) };

        var task = TaskResult.Of(Plan, [late, early])[0];

        Assert.Same(early, task.EarningAttempt);
        Assert.Equal((500m, 0m, 500m), (task.CreditedTo(2), task.CreditedTo(1), task.EarnedUsd));
        Assert.Equal(early.FinishedAt, task.EarnedAt);
    }

    // The verdict is computed once from the attempts; a copy with other attempts must not keep the old one.
    [Fact]
    public void A_copy_with_other_attempts_has_their_verdict()
    {
        var failed = TaskResult.Of(Plan, [Graded("q1", GradeOutcome.Failed, 100m)])[1];

        var passed = failed with { Attempts = [Graded("q1", GradeOutcome.Passed, 100m)] };
        var undecided = failed with { Attempts = [] };

        Assert.Equal((GradeOutcome.Failed, false), (failed.Verdict, failed.Passed));
        Assert.Equal((GradeOutcome.Passed, true, 100m), (passed.Verdict, passed.Passed, passed.EarnedUsd));
        Assert.NotNull(passed.EarningAttempt);
        Assert.Equal((null, false, null), (undecided.Verdict, undecided.Passed, undecided.EarningAttempt));
    }

    [Fact]
    public void Without_a_pass_or_a_failure_every_planned_attempt_graded_is_a_system_error()
    {
        var task = TaskResult.Of(Plan, [Graded("q1", GradeOutcome.SystemError, 100m)])[1];

        Assert.Equal(GradeOutcome.SystemError, task.Verdict);
    }
}
