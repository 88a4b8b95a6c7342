using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.GraderNode.Grading;

public sealed class ManagerTaskGraderSpec
{
    [Fact]
    public void The_merged_proposal_earns_the_price()
    {
        var decision = ManagerTaskGrader.Grade(Manager("m1", 4000m, correct: "4", "1", "2", "4"), Choose("m1", "4"));

        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal(4000m, decision.EarnedUsd);
    }

    [Fact]
    public void Ids_are_compared_as_trimmed_text()
    {
        var decision = ManagerTaskGrader.Grade(Manager("m1", 500m, correct: "4"), Choose("m1", " 4 "));

        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
    }

    [Fact]
    public void Another_candidate_fails_and_says_which_was_merged()
    {
        var decision = ManagerTaskGrader.Grade(Manager("m1", 4000m, correct: "4", "1", "2", "4"), Choose("m1", "2"));

        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Equal(0m, decision.EarnedUsd);
        Assert.Equal("selected proposal 2, merged was 4", decision.Reason);
    }

    [Fact]
    public void An_id_that_is_not_a_candidate_fails_with_that_reason()
    {
        var decision = ManagerTaskGrader.Grade(Manager("m1", 100m, correct: "2", "1", "2"), Choose("m1", "9"));

        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Contains("not among the task's proposals", decision.Reason);
    }

    [Fact]
    public void A_patch_instead_of_a_choice_fails()
    {
        var decision = ManagerTaskGrader.Grade(Manager("m1", 100m), Patch("m1"));

        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Equal("no selected_proposal_id in the submission", decision.Reason);
    }
}
