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
            question_id,variant,attempt,outcome,earned_usd,price_usd,reason
            m1,swe_manager,1,passed,0,4000,Passed
            m1,swe_manager,2,passed,4000,4000,Passed
            m2,swe_manager,1,not_graded,0,500,

            """.ReplaceLineEndings("\r\n"), writer.ToString());
    }
}
