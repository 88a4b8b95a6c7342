using SweLancer.GraderNode.Ic;
using SweLancer.Messages.Events;
using Xunit;

namespace SweLancer.Tests.GraderNode.Ic;

/// <summary>
/// How one run of a task's test command is decided. A system error comes only from what the harness itself saw (the
/// container stopped or vanished); the test process's exit code alone, whatever it is, is the model's to answer for.
/// </summary>
public class CommandExitPolicySpec
{
    [Fact]
    public void Exit_0_passes()
    {
        var verdict = CommandExitPolicy.Decide(0, ContainerAfterRun.Running);
        Assert.Equal(GradeOutcome.Passed, verdict.Outcome);
    }

    [Theory]
    [InlineData(1, "test command exited with 1")]
    [InlineData(2, "test command exited with 2")]
    [InlineData(5, "test command exited with 5")]
    [InlineData(126, "test command exited with 126")]
    [InlineData(127, "test command exited with 127")]
    [InlineData(255, "test command exited with 255")]
    [InlineData(-1, "test command exited with -1")]
    [InlineData(137, "test command exited with 137 (killed by signal 9, SIGKILL)")]
    [InlineData(143, "test command exited with 143 (killed by signal 15, SIGTERM)")]
    [InlineData(139, "test command exited with 139 (killed by signal 11, SIGSEGV)")]
    [InlineData(134, "test command exited with 134 (killed by signal 6, SIGABRT)")]
    [InlineData(129, "test command exited with 129 (killed by signal 1, SIGHUP)")]
    [InlineData(159, "test command exited with 159 (killed by signal 31, SIGSYS)")]
    [InlineData(162, "test command exited with 162 (killed by signal 34, SIGRTMIN)")]
    [InlineData(170, "test command exited with 170 (killed by signal 42, SIGRTMIN+8)")]
    public void Any_other_exit_while_the_container_runs_is_the_models_failure_naming_code_and_signal(long exitCode, string reason)
    {
        var verdict = CommandExitPolicy.Decide(exitCode, ContainerAfterRun.Running);
        Assert.Equal(GradeOutcome.Failed, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.False(verdict.Retryable);
    }

    [Fact]
    public void Running_out_of_memory_is_the_models_failure()
    {
        var verdict = CommandExitPolicy.Decide(137, ContainerAfterRun.OutOfMemory);
        Assert.Equal(GradeOutcome.Failed, verdict.Outcome);
        Assert.Equal("the container ran out of memory: test command exited with 137 (killed by signal 9, SIGKILL)", verdict.Reason);
    }

    [Theory]
    [InlineData(ContainerAfterRun.Stopped, "the container stopped during the test run (test command exited with 137 (killed by signal 9, SIGKILL))")]
    [InlineData(ContainerAfterRun.Gone, "the container vanished during the test run (test command exited with 137 (killed by signal 9, SIGKILL))")]
    public void A_container_that_stopped_or_vanished_is_a_retryable_system_error(ContainerAfterRun container, string reason)
    {
        var verdict = CommandExitPolicy.Decide(137, container);
        Assert.Equal(GradeOutcome.SystemError, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.True(verdict.Retryable);
    }

    [Theory]
    [InlineData(ContainerAfterRun.Stopped)]
    [InlineData(ContainerAfterRun.Gone)]
    [InlineData(ContainerAfterRun.OutOfMemory)]
    public void A_pass_is_a_pass_whatever_happened_to_the_container_afterwards(ContainerAfterRun container) =>
        Assert.Equal(GradeOutcome.Passed, CommandExitPolicy.Decide(0, container).Outcome);

    [Fact]
    public void Every_exit_code_gets_a_decision_and_only_the_container_makes_a_system_error()
    {
        for (long code = -300; code <= 300; code++)
        {
            foreach (var container in Enum.GetValues<ContainerAfterRun>())
            {
                var verdict = CommandExitPolicy.Decide(code, container);
                var expected = code == 0 ? GradeOutcome.Passed
                    : container is ContainerAfterRun.Stopped or ContainerAfterRun.Gone ? GradeOutcome.SystemError
                    : GradeOutcome.Failed;
                Assert.Equal(expected, verdict.Outcome);
                Assert.Contains($"exited with {code}", verdict.Reason);
            }
        }
    }
}
