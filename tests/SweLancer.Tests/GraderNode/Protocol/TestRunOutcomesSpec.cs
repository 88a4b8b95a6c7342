using SweLancer.GraderNode.Protocol;
using SweLancer.Messages.Events;
using Xunit;

namespace SweLancer.Tests.GraderNode.Protocol;

public sealed class TestRunOutcomesSpec
{
    private static readonly string[] NoArtefacts = [];

    [Theory]
    [InlineData(0, false, TestRunVerdict.Passed)]
    [InlineData(1, false, TestRunVerdict.Failed)]
    [InlineData(2, false, TestRunVerdict.SystemError)]
    [InlineData(5, false, TestRunVerdict.SystemError)]
    [InlineData(137, false, TestRunVerdict.SystemError)]
    [InlineData(-1, false, TestRunVerdict.Failed)]
    [InlineData(-1, true, TestRunVerdict.SystemError)]
    [InlineData(-7, false, TestRunVerdict.SystemError)]
    public void Pytest_exit_codes_map_as_upstream_does(int exitCode, bool missingIsSystemError, TestRunVerdict expected) =>
        Assert.Equal(expected, TestRunOutcomes.Verdict(exitCode, missingIsSystemError));

    [Fact]
    public void A_pass_on_the_first_run_passes_the_attempt_for_its_price()
    {
        var decision = TestRunOutcomes.AfterRun(1, 3, 0, false, 1000m, null, NoArtefacts);
        Assert.NotNull(decision);
        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal(1000m, decision.EarnedUsd);
        Assert.Equal("hidden tests passed", decision.Reason);
    }

    [Fact]
    public void A_failed_run_before_the_last_asks_for_another_run()
    {
        Assert.Null(TestRunOutcomes.AfterRun(1, 3, 1, false, 1000m, null, NoArtefacts));
        Assert.Null(TestRunOutcomes.AfterRun(2, 3, -1, false, 1000m, null, NoArtefacts));
    }

    [Fact]
    public void A_pass_on_a_later_run_names_that_run()
    {
        var decision = TestRunOutcomes.AfterRun(2, 3, 0, false, 500m, null, NoArtefacts)!;
        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal("hidden tests passed on run 2 of 3", decision.Reason);
    }

    [Fact]
    public void The_last_failed_run_fails_the_attempt_and_says_why()
    {
        var decision = TestRunOutcomes.AfterRun(3, 3, -1, false, 500m, null, ["a/pytest.log"])!;
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Equal(0m, decision.EarnedUsd);
        Assert.Contains("failed in 3 runs", decision.Reason);
        Assert.Contains("no pytest exit code was written", decision.Reason);
        Assert.Equal(["a/pytest.log"], decision.Artefacts);
    }

    [Fact]
    public void Exit_code_two_is_a_retryable_system_error_at_once()
    {
        var decision = TestRunOutcomes.AfterRun(1, 3, 2, false, 500m, null, NoArtefacts)!;
        Assert.Equal(GradeOutcome.SystemError, decision.Outcome);
        Assert.True(decision.Retryable);
        Assert.Contains("test run 1", decision.Reason);
        Assert.Contains("collection error", decision.Reason);
    }

    [Fact]
    public void A_fuzzy_apply_is_named_in_the_reason()
    {
        var decision = TestRunOutcomes.AfterRun(1, 1, 0, false, 500m, "applied with patch --fuzz=3", NoArtefacts)!;
        Assert.Equal("hidden tests passed (applied with patch --fuzz=3)", decision.Reason);
    }
}
