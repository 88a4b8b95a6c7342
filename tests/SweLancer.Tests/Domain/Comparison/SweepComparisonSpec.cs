using SweLancer.Domain.Comparison;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Comparison;

public sealed class SweepComparisonSpec
{
    private const GradeOutcome Pass = GradeOutcome.Passed;
    private const GradeOutcome Fail = GradeOutcome.Failed;

    /// <summary>A finished one-attempt sweep: each task with its price and outcome, folded by the ledger's rule.</summary>
    private static IReadOnlyList<TaskResult> Sweep(params (string Id, decimal Price, GradeOutcome Outcome)[] tasks) =>
        TaskResult.Of(tasks.Select(t => new PlannedItem(t.Id, 1, TaskVariants.SweManager, t.Price, null)).ToList(),
            tasks.Select(t => Graded(t.Id, t.Outcome, t.Price)));

    [Fact]
    public void Won_and_lost_are_the_tasks_only_one_sweep_passed_with_their_prices()
    {
        var a = Sweep(("t1", 1000m, Pass), ("t2", 500m, Fail), ("t3", 250m, Pass), ("t4", 2000m, Fail), ("t5", 4000m, Fail));
        var b = Sweep(("t1", 1000m, Pass), ("t2", 500m, Pass), ("t3", 250m, Fail), ("t4", 2000m, Fail), ("t5", 4000m, Pass));

        var c = SweepComparison.Of("a", a, "b", b);

        Assert.Equal(["t2", "t5"], c.Won.Select(p => p.QuestionId));
        Assert.Equal(["t3"], c.Lost.Select(p => p.QuestionId));
        Assert.Equal((4500m, 250m), (c.GainedUsd, c.LostUsd));
        // A earned 1000 + 250, B 1000 + 500 + 4000: B − A = 5500 − 1250 = 4250 = gained − lost.
        Assert.Equal((1250m, 5500m, 4250m), (c.A.EarnedUsd, c.B.EarnedUsd, c.DifferenceUsd));
        Assert.Equal((2, 3), (c.A.Passed, c.B.Passed));
        Assert.Equal((0.4, 0.6), (c.A.PassRate, c.B.PassRate));
        Assert.Equal(0.2, c.PassRateDifference, 12);
        Assert.Equal(7750m, c.AvailableUsd);
    }

    [Fact]
    public void Identical_sweeps_differ_by_nothing_and_the_interval_is_zero_to_zero()
    {
        var a = Sweep(("t1", 1000m, Pass), ("t2", 500m, Fail), ("t3", 250m, Pass));

        var c = SweepComparison.Of("a", a, "a-again", a);

        Assert.Empty(c.Won);
        Assert.Empty(c.Lost);
        Assert.Equal(0m, c.DifferenceUsd);
        Assert.Equal(new Interval(0, 0), c.DifferenceUsdInterval);
        Assert.Equal(new Interval(0, 0), c.PassRateDifferenceInterval);
    }

    [Fact]
    public void One_shared_task_won_gives_a_point_interval_at_its_price()
    {
        // Every resample is that one task: B − A is always +800 dollars and +1 in pass rate.
        var c = SweepComparison.Of("a", Sweep(("t1", 800m, Fail)), "b", Sweep(("t1", 800m, Pass)));

        Assert.Equal(new Interval(800, 800), c.DifferenceUsdInterval);
        Assert.Equal(new Interval(1, 1), c.PassRateDifferenceInterval);
    }

    [Fact]
    public void One_win_in_two_tasks_gives_the_whole_range_of_the_paired_resamples()
    {
        // Resampling the pairs (+1000, 0) twice gives sums 0, 1000 or 2000 with chances 1/4, 1/2, 1/4, and pass-rate
        // differences 0, 1/2 or 1: both tails hold far more than 2.5 %, so the interval is the whole range.
        var a = Sweep(("won", 1000m, Fail), ("same", 300m, Pass));
        var b = Sweep(("won", 1000m, Pass), ("same", 300m, Pass));

        var c = SweepComparison.Of("a", a, "b", b, seed: 7);

        Assert.Equal(1000m, c.DifferenceUsd);
        Assert.Equal(new Interval(0, 2000), c.DifferenceUsdInterval);
        Assert.Equal(new Interval(0, 1), c.PassRateDifferenceInterval);
        var again = SweepComparison.Of("a", a, "b", b, seed: 7);
        Assert.Equal((c.DifferenceUsdInterval, c.PassRateDifferenceInterval), (again.DifferenceUsdInterval, again.PassRateDifferenceInterval));
    }

    [Fact]
    public void Only_the_shared_tasks_are_compared_and_the_others_are_listed_per_side()
    {
        var a = Sweep(("only-a", 4000m, Pass), ("t1", 1000m, Pass), ("t2", 500m, Fail));
        var b = Sweep(("t2", 500m, Pass), ("only-b", 250m, Fail), ("t1", 1000m, Pass));

        var c = SweepComparison.Of("a", a, "b", b);

        Assert.Equal(["t1", "t2"], c.Shared.Select(p => p.QuestionId));
        Assert.Equal(["only-a"], c.OnlyInA);
        Assert.Equal(["only-b"], c.OnlyInB);
        // only-a's $4,000 is no loss: B never planned it.
        Assert.Equal((1000m, 1500m, 500m, 0m), (c.A.EarnedUsd, c.B.EarnedUsd, c.GainedUsd, c.LostUsd));
        Assert.Equal(1500m, c.AvailableUsd);
    }

    [Fact]
    public void A_task_priced_differently_refuses_the_comparison_and_names_both_prices()
    {
        var a = Sweep(("t1", 1000m, Pass), ("t2", 500m, Fail));
        var b = Sweep(("t1", 1000m, Pass), ("t2", 750m, Pass));

        var refused = Assert.Throws<IncomparableSweepsException>(() => SweepComparison.Of("a", a, "b", b));

        Assert.Contains("t2 ($500 in A, $750 in B)", refused.Message);
        Assert.Equal([new PriceConflict("t2", 500m, 750m)], SweepComparison.PriceConflicts([new TaskPair(a[1], b[1])]));
    }

    [Fact]
    public void Sweeps_without_a_shared_task_are_refused()
    {
        var refused = Assert.Throws<IncomparableSweepsException>(() =>
            SweepComparison.Of("a", Sweep(("t1", 1000m, Pass)), "b", Sweep(("t2", 1000m, Pass))));

        Assert.Contains("share no question_id", refused.Message);
    }

    [Fact]
    public void Attempts_are_folded_by_the_ledgers_rule_and_unfinished_tasks_count_as_not_passed()
    {
        // A: t1 passes on its second attempt. B: t1 fails both; t2 has one of two attempts graded (failed): undecided.
        PlannedItem[] plan =
        [
            new("t1", 1, TaskVariants.SweManager, 600m, null), new("t1", 2, TaskVariants.SweManager, 600m, null),
            new("t2", 1, TaskVariants.SweManager, 900m, null), new("t2", 2, TaskVariants.SweManager, 900m, null),
        ];
        var a = TaskResult.Of(plan, [Graded("t1", Fail, 600m), Graded("t1", Pass, 600m, attempt: 2), Graded("t2", Fail, 900m), Graded("t2", Fail, 900m, attempt: 2)]);
        var b = TaskResult.Of(plan, [Graded("t1", Fail, 600m), Graded("t1", Fail, 600m, attempt: 2), Graded("t2", Fail, 900m)]);

        var c = SweepComparison.Of("a", a, "b", b);

        Assert.Equal(["t1"], c.Lost.Select(p => p.QuestionId));
        Assert.Equal(-600m, c.DifferenceUsd);
        Assert.Equal((0, 1), (c.A.Undecided, c.B.Undecided));
    }
}
