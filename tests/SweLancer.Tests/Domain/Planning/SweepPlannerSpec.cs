using SweLancer.Domain.Planning;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Planning;

public sealed class SweepPlannerSpec
{
    [Fact]
    public void Every_task_gets_its_submitted_attempts_and_unanswered_tasks_get_one_empty_attempt()
    {
        var tasks = new[] { Manager("m1", 100m), Manager("m2", 200m), Ic("i1", 300m) };
        var answers = new[] { Choose("m1", "2", attempt: 2), Choose("m1", "1", attempt: 1), Patch("i1") };

        var plan = SweepPlanner.Plan("s1", tasks, answers);

        Assert.Equal([("m1", 1), ("m1", 2), ("m2", 1), ("i1", 1)], plan.Items.Select(i => (i.Task.QuestionId, i.Attempt)));
        Assert.Null(plan.Items.Single(i => i.Task.QuestionId == "m2").Submission);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Answers_to_unknown_tasks_are_reported_and_not_planned()
    {
        var plan = SweepPlanner.Plan("s1", [Manager("m1", 100m)], [Choose("nope", "1"), Choose("m1", "2")]);

        Assert.Single(plan.Items);
        Assert.Contains("unknown task 'nope'", Assert.Single(plan.Warnings));
    }

    [Fact]
    public void A_duplicate_attempt_is_reported_and_only_the_first_is_planned()
    {
        var plan = SweepPlanner.Plan("s1", [Manager("m1", 100m)], [Choose("m1", "2"), Choose("m1", "3")]);

        Assert.Equal("2", Assert.Single(plan.Items).Submission!.SelectedProposalId);
        Assert.Contains("duplicate submission for m1 attempt 1", Assert.Single(plan.Warnings));
    }

    [Fact]
    public void The_recorded_plan_keeps_a_hash_of_each_answer_that_changes_with_the_answer()
    {
        var a = SweepPlanner.Plan("s1", [Manager("m1", 100m)], [Choose("m1", "2")]).Items[0].ToPlanned();
        var b = SweepPlanner.Plan("s1", [Manager("m1", 100m)], [Choose("m1", "3")]).Items[0].ToPlanned();
        var none = SweepPlanner.Plan("s1", [Manager("m1", 100m)], []).Items[0].ToPlanned();

        Assert.NotNull(a.SubmissionHash);
        Assert.NotEqual(a.SubmissionHash, b.SubmissionHash);
        Assert.Null(none.SubmissionHash);
    }
}
