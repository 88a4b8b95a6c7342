using SweLancer.GraderNode.Grading;
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

    private static RunSeries Runs(int max, bool confirm = false) => new(max, new TestRunSettings(ConfirmRuns: confirm), new AttemptMeter());

    [Fact]
    public void A_pass_on_the_first_run_passes_the_attempt_for_its_price()
    {
        var decision = TestRunOutcomes.AfterRun(Runs(3), 0, false, 1000m, null, NoArtefacts);
        Assert.NotNull(decision);
        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal(1000m, decision.EarnedUsd);
        Assert.Equal("hidden tests passed", decision.Reason);
    }

    [Fact]
    public void A_failed_run_before_the_last_asks_for_another_run()
    {
        var runs = Runs(3);
        Assert.Null(TestRunOutcomes.AfterRun(runs, 1, false, 1000m, null, NoArtefacts));
        Assert.Null(TestRunOutcomes.AfterRun(runs, -1, false, 1000m, null, NoArtefacts));
    }

    [Fact]
    public void A_pass_on_a_later_run_names_that_run()
    {
        var runs = Runs(3);
        Assert.Null(TestRunOutcomes.AfterRun(runs, 1, false, 500m, null, NoArtefacts));
        var decision = TestRunOutcomes.AfterRun(runs, 0, false, 500m, null, NoArtefacts)!;
        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal("hidden tests passed on run 2 of 3", decision.Reason);
    }

    [Fact]
    public void The_last_failed_run_fails_the_attempt_and_says_why()
    {
        var runs = Runs(3);
        TestRunOutcomes.AfterRun(runs, 1, false, 500m, null, NoArtefacts);
        TestRunOutcomes.AfterRun(runs, 1, false, 500m, null, NoArtefacts);
        var decision = TestRunOutcomes.AfterRun(runs, -1, false, 500m, null, ["a/pytest.log"])!;
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Equal(0m, decision.EarnedUsd);
        Assert.Contains("failed in 3 runs", decision.Reason);
        Assert.Contains("no pytest exit code was written", decision.Reason);
        Assert.Equal(["a/pytest.log"], decision.Artefacts);
    }

    [Fact]
    public void Exit_code_two_is_a_retryable_system_error_at_once()
    {
        var decision = TestRunOutcomes.AfterRun(Runs(3), 2, false, 500m, null, NoArtefacts)!;
        Assert.Equal(GradeOutcome.SystemError, decision.Outcome);
        Assert.True(decision.Retryable);
        Assert.Contains("test run 1", decision.Reason);
        Assert.Contains("collection error", decision.Reason);
    }

    [Fact]
    public void A_fuzzy_apply_is_named_in_the_reason()
    {
        var decision = TestRunOutcomes.AfterRun(Runs(1), 0, false, 500m, "applied with patch --fuzz=3", NoArtefacts)!;
        Assert.Equal("hidden tests passed (applied with patch --fuzz=3)", decision.Reason);
    }

    [Fact]
    public void Confirming_runs_goes_on_after_a_pass_and_the_pass_stands_whatever_follows()
    {
        var meter = new AttemptMeter();
        var runs = new RunSeries(3, new TestRunSettings(ConfirmRuns: true), meter);

        Assert.Null(TestRunOutcomes.AfterRun(runs, 0, false, 500m, null, NoArtefacts));
        Assert.Null(TestRunOutcomes.AfterRun(runs, 1, false, 500m, null, NoArtefacts));
        var decision = TestRunOutcomes.AfterRun(runs, 0, false, 500m, null, NoArtefacts)!;

        Assert.Equal((GradeOutcome.Passed, 500m), (decision.Outcome, decision.EarnedUsd));
        Assert.Equal("hidden tests passed (2 of 3 runs passed)", decision.Reason);
        Assert.Equal([new TestRunRecord(1, GradeOutcome.Passed), new TestRunRecord(2, GradeOutcome.Failed), new TestRunRecord(3, GradeOutcome.Passed)], meter.Runs);
    }

    [Fact]
    public void A_system_error_while_confirming_a_pass_ends_the_runs_but_keeps_the_pass()
    {
        var meter = new AttemptMeter();
        var runs = new RunSeries(3, new TestRunSettings(ConfirmRuns: true), meter);

        Assert.Null(TestRunOutcomes.AfterRun(runs, 0, false, 500m, null, NoArtefacts));
        var decision = TestRunOutcomes.AfterRun(runs, 2, false, 500m, null, NoArtefacts)!;

        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal([GradeOutcome.Passed, GradeOutcome.SystemError], meter.Runs.Select(r => r.Outcome));
    }
}
