using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.GraderNode.Grading;

public sealed class RecentAnswersSpec
{
    [Fact]
    public void An_answer_is_found_by_its_entity_id()
    {
        var answers = new RecentAnswers(10);
        var answer = Graded("q1", GradeOutcome.Passed, 100m);

        answers.Remember("s|q1|1", answer);

        Assert.True(answers.TryGet("s|q1|1", out var found));
        Assert.Same(answer, found);
        Assert.False(answers.TryGet("s|q1|2", out _));
    }

    [Fact]
    public void Beyond_its_capacity_it_forgets_the_oldest_answers_first()
    {
        var answers = new RecentAnswers(3);
        for (var i = 1; i <= 5; i++)
            answers.Remember($"s|q{i}|1", Graded($"q{i}", GradeOutcome.Passed, 100m));

        Assert.Equal(3, answers.Count);
        Assert.False(answers.TryGet("s|q1|1", out _));
        Assert.False(answers.TryGet("s|q2|1", out _));
        Assert.True(answers.TryGet("s|q3|1", out _));
        Assert.True(answers.TryGet("s|q5|1", out _));
    }

    [Fact]
    public void A_second_answer_for_the_same_attempt_does_not_replace_the_first()
    {
        var answers = new RecentAnswers(10);
        var first = Graded("q1", GradeOutcome.Passed, 100m);

        answers.Remember("s|q1|1", first);
        answers.Remember("s|q1|1", Graded("q1", GradeOutcome.Failed, 100m));

        Assert.True(answers.TryGet("s|q1|1", out var found));
        Assert.Same(first, found);
        Assert.Equal(1, answers.Count);
    }
}
