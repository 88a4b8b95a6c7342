using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.GraderNode.Grading;

public sealed class TaskGraderSpec
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_task_without_an_answer_fails_as_no_submission()
    {
        var decision = await new TaskGrader([]).GradeAsync(Manager("m1", 100m), null, None);

        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Equal("no submission", decision.Reason);
    }

    [Fact]
    public async Task An_ic_task_without_a_runner_is_a_final_system_error_never_a_pass_or_a_failure()
    {
        var decision = await new TaskGrader([]).GradeAsync(TestData.Ic("i1", 1000m), Patch("i1"), None);

        Assert.Equal(GradeOutcome.SystemError, decision.Outcome);
        Assert.Equal("no runner for ic_swe", decision.Reason);
        Assert.False(decision.Retryable);
        Assert.Equal(0m, decision.EarnedUsd);
    }

    [Fact]
    public async Task A_registered_runner_grades_its_variant()
    {
        var grader = new TaskGrader([new PassingRunner()]);

        var decision = await grader.GradeAsync(TestData.Ic("i1", 1000m), Patch("i1"), None);

        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal(1000m, decision.EarnedUsd);
    }

    [Fact]
    public async Task Manager_tasks_are_graded_by_comparison()
    {
        var decision = await new TaskGrader([]).GradeAsync(Manager("m1", 250m, correct: "1"), Choose("m1", "1"), None);

        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
    }

    private sealed class PassingRunner : ITaskRunner
    {
        public string Variant => TaskVariants.IcSwe;

        public Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation) =>
            Task.FromResult(GradeDecision.Pass(task.PriceUsd, "tests passed"));
    }
}
