using SweLancer.Coordinator.Reports;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Reports;

public sealed class ResultsCsvSpec
{
    [Fact]
    public void A_task_passed_by_two_attempts_credits_its_price_to_the_one_that_finished_first()
    {
        var plan = new[] { new PlannedItem("m1", 1, "swe_manager", 4000m, null), new PlannedItem("m1", 2, "swe_manager", 4000m, null),
            new PlannedItem("m2", 1, "swe_manager", 500m, null) };
        var first = Graded("m1", GradeOutcome.Passed, 4000m, attempt: 1) with { FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(5) };
        var second = Graded("m1", GradeOutcome.Passed, 4000m, attempt: 2) with { FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(1) };

        using var writer = new StringWriter();
        ResultsCsv.Write(writer, plan, [first, second]);

        Assert.Equal(
            """
            question_id,variant,attempt,outcome,earned_usd,price_usd,reason,runs,container_seconds,browser_seconds
            m1,swe_manager,1,passed,0,4000,Passed,,,
            m1,swe_manager,2,passed,4000,4000,Passed,,,
            m2,swe_manager,1,not_graded,0,500,,,,

            """.ReplaceLineEndings("\r\n"), writer.ToString());
    }

    [Fact]
    public void Each_attempt_lists_its_test_runs_and_seconds_at_the_end_of_its_row()
    {
        var plan = new[] { new PlannedItem("ic-1", 1, "ic_swe", 1000m, null) };
        var graded = Graded("ic-1", GradeOutcome.Passed, 1000m, variant: "ic_swe") with
        {
            Runs = [new TestRunRecord(1, GradeOutcome.Failed), new TestRunRecord(2, GradeOutcome.Passed)],
            Cost = new AttemptCost(41.5, 12.25),
        };

        using var writer = new StringWriter();
        ResultsCsv.Write(writer, plan, [graded]);

        Assert.EndsWith("ic-1,ic_swe,1,passed,1000,1000,Passed,failed passed,41.5,12.25\r\n", writer.ToString());
    }
}
