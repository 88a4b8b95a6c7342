using SweLancer.Messages.Events;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Messages.Serialization;

/// <summary>A ledger holds every result it reads back: the empty parts of a result must not cost memory per result.</summary>
public sealed class SharedEmptyFieldsSpec
{
    private static TaskGraded RoundTrip(TaskGraded graded) => JsonRoundTrip.Of(graded);

    [Fact]
    public void Results_read_back_share_their_empty_artefacts_runs_and_zero_cost()
    {
        var first = RoundTrip(Graded("q1", GradeOutcome.Failed, 250m) with { Runs = [], Cost = new AttemptCost(0, 0) });
        var second = RoundTrip(Graded("q2", GradeOutcome.Passed, 500m) with { Runs = [], Cost = new AttemptCost(0, 0) });

        Assert.Empty(first.Artefacts);
        Assert.Same(first.Artefacts, second.Artefacts);
        Assert.Empty(first.Runs!);
        Assert.Same(first.Runs, second.Runs);
        Assert.Same(AttemptCost.None, first.Cost);
        Assert.Same(AttemptCost.None, second.Cost);
    }

    [Fact]
    public void Results_with_artefacts_runs_and_a_cost_keep_them()
    {
        var graded = Graded("q1", GradeOutcome.Failed, 250m) with
        {
            Artefacts = ["runs/q1/1/trace.zip"],
            Runs = [new TestRunRecord(1, GradeOutcome.Failed), new TestRunRecord(2, GradeOutcome.Passed)],
            Cost = new AttemptCost(12.5, 0.25),
        };

        var back = RoundTrip(graded);

        Assert.Equal(["runs/q1/1/trace.zip"], back.Artefacts);
        Assert.Equal([new TestRunRecord(1, GradeOutcome.Failed), new TestRunRecord(2, GradeOutcome.Passed)], back.Runs!);
        Assert.Equal(new AttemptCost(12.5, 0.25), back.Cost);
    }

    [Fact]
    public void Missing_runs_and_cost_still_read_as_null()
    {
        var back = RoundTrip(Graded("q1", GradeOutcome.Failed, 250m));

        Assert.Null(back.Runs);
        Assert.Null(back.Cost);
    }

    [Fact]
    public void A_result_built_in_code_shares_them_too()
    {
        var built = new TaskGraded("s1", "q1", 1, "swe_manager", 1m, GradeOutcome.Failed, 0m, "r", false, "node",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new List<string>(), null, new List<TestRunRecord>(), new AttemptCost(0, 0));

        Assert.Same(Graded("q2", GradeOutcome.Passed, 1m).Artefacts, built.Artefacts);
        Assert.Same(Array.Empty<TestRunRecord>(), built.Runs);
        Assert.Same(AttemptCost.None, built.Cost);
    }
}
