using SweLancer.Domain.Planning;
using SweLancer.Messages.Sweeps;
using Xunit;

namespace SweLancer.Tests.Domain.Planning;

public sealed class PlanComparisonSpec
{
    private static readonly PlannedItem[] Recorded =
        [new("q1", 1, "swe_manager", 100m, "h1"), new("q2", 1, "swe_manager", 200m, null)];

    [Fact]
    public void The_same_plan_in_another_order_matches()
    {
        Assert.Null(PlanComparison.Difference(Recorded, Recorded.Reverse().ToList()));
    }

    [Fact]
    public void A_changed_answer_is_named()
    {
        var offered = new[] { Recorded[0] with { SubmissionHash = "other" }, Recorded[1] };

        Assert.Equal("the submission for q1 attempt 1 changed since the sweep started", PlanComparison.Difference(Recorded, offered));
    }

    [Fact]
    public void Missing_and_new_attempts_are_named()
    {
        Assert.Contains("not in the new inputs, e.g. q2 attempt 1", PlanComparison.Difference(Recorded, [Recorded[0]]));
        Assert.Contains("q3 attempt 1 is new", PlanComparison.Difference(Recorded, [.. Recorded, new("q3", 1, "ic_swe", 5m, null)]));
    }

    [Fact]
    public void A_repriced_task_is_named()
    {
        var offered = new[] { Recorded[0], Recorded[1] with { PriceUsd = 250m } };

        Assert.Contains("task q2 changed", PlanComparison.Difference(Recorded, offered));
    }
}
