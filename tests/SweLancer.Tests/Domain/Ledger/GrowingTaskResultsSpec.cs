using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class GrowingTaskResultsSpec
{
    [Fact]
    public void After_every_batch_its_tasks_equal_TaskResult_Of_over_everything_added()
    {
        var random = new Random(11);
        for (var round = 0; round < 40; round++)
        {
            var plan = RandomLedgerInput.Plan(random, maxTasks: 30);
            var results = RandomLedgerInput.Results(random, plan, repeats: true);
            var growing = new GrowingTaskResults(plan);

            var added = new List<TaskGraded>();
            foreach (var batch in results.Chunk(random.Next(1, 6)))
            {
                foreach (var result in batch)
                    growing.Add(result);
                added.AddRange(batch);

                var expected = TaskResult.Of(plan, added);
                Assert.Equal(expected.Select(Shape), growing.Tasks.Select(Shape));
                Assert.Equal(expected.Sum(t => t.Attempts.Count), growing.Kept);
            }
        }
    }

    [Fact]
    public void Task_results_handed_out_earlier_keep_their_attempts()
    {
        var plan = new List<PlannedItem> { new("q1", 1, "swe_manager", 10m, null), new("q1", 2, "swe_manager", 10m, null) };
        var growing = new GrowingTaskResults(plan);
        Assert.True(growing.Add(Graded("q1", GradeOutcome.Failed, 10m, attempt: 2)));
        var before = growing.Tasks[0];

        Assert.True(growing.Add(Graded("q1", GradeOutcome.Passed, 10m, attempt: 1)));

        Assert.Equal([2], before.Attempts.Select(a => a.Attempt));
        Assert.Null(before.Verdict);
        Assert.Equal([1, 2], growing.Tasks[0].Attempts.Select(a => a.Attempt));
        Assert.Equal(GradeOutcome.Passed, growing.Tasks[0].Verdict);
    }

    [Fact]
    public void A_result_outside_the_plan_or_for_a_graded_attempt_is_refused()
    {
        var growing = new GrowingTaskResults([new PlannedItem("q1", 1, "swe_manager", 10m, null)]);

        Assert.False(growing.Add(Graded("q9", GradeOutcome.Passed, 10m)));
        Assert.False(growing.Add(Graded("q1", GradeOutcome.Passed, 10m, attempt: 2)));
        Assert.True(growing.Add(Graded("q1", GradeOutcome.Failed, 10m)));
        Assert.False(growing.Add(Graded("q1", GradeOutcome.Passed, 10m)));
        Assert.Equal(GradeOutcome.Failed, growing.Tasks[0].Verdict);
        Assert.Equal(1, growing.Kept);
    }

    private static string Shape(TaskResult t) =>
        $"{t.QuestionId}|{t.Variant}|{t.PriceUsd}|{t.PlannedAttempts}|{t.Verdict}|{t.EarnedUsd}|" +
        string.Join(",", t.Attempts.Select(a => $"{a.Attempt}:{a.Outcome}"));
}
