using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class LedgerSummarySpec
{
    private static PlannedItem Planned(string id, decimal price, int attempt = 1, string variant = TaskVariants.SweManager) =>
        new(id, attempt, variant, price, null);

    [Fact]
    public void Totals_count_tasks_and_earn_the_prices_of_the_passed_ones()
    {
        var plan = new[] { Planned("m1", 1000m), Planned("m2", 250m), Planned("i1", 4000m, variant: TaskVariants.IcSwe) };
        var results = new[]
        {
            Graded("m1", GradeOutcome.Passed, 1000m),
            Graded("m2", GradeOutcome.Failed, 250m),
            Graded("i1", GradeOutcome.SystemError, 4000m, variant: TaskVariants.IcSwe),
        };

        var summary = LedgerSummary.Of("s1", plan, results);

        Assert.Equal((3, 3, 1, 1, 1), (summary.Tasks, summary.Graded, summary.Passed, summary.Failed, summary.SystemErrors));
        Assert.Equal(1000m, summary.EarnedUsd);
        Assert.Equal(5250m, summary.AvailableUsd);
        Assert.Equal(new VariantSummary(Tasks: 2, Graded: 2, Passed: 1, Failed: 1, SystemErrors: 0, EarnedUsd: 1000m, AvailableUsd: 1250m),
            summary.ByVariant[TaskVariants.SweManager]);
        Assert.Equal(new VariantSummary(Tasks: 1, Graded: 1, Passed: 0, Failed: 0, SystemErrors: 1, EarnedUsd: 0m, AvailableUsd: 4000m),
            summary.ByVariant[TaskVariants.IcSwe]);
    }

    [Fact]
    public void A_task_with_several_attempts_earns_once_when_any_attempt_passed()
    {
        var plan = new[] { Planned("m1", 800m, 1), Planned("m1", 800m, 2), Planned("m1", 800m, 3) };
        var results = new[]
        {
            Graded("m1", GradeOutcome.Failed, 800m, attempt: 1),
            Graded("m1", GradeOutcome.Passed, 800m, attempt: 2),
            Graded("m1", GradeOutcome.Passed, 800m, attempt: 3),
        };

        var summary = LedgerSummary.Of("s1", plan, results);

        Assert.Equal(1, summary.Tasks);
        Assert.Equal(1, summary.Passed);
        Assert.Equal(800m, summary.EarnedUsd);
        Assert.Equal(800m, summary.AvailableUsd);
    }

    [Fact]
    public void A_task_is_decided_by_its_first_pass_even_with_attempts_still_to_grade()
    {
        var plan = new[] { Planned("m1", 4000m, 1), Planned("m1", 4000m, 2), Planned("m1", 4000m, 3) };

        var summary = LedgerSummary.Of("s1", plan, [Graded("m1", GradeOutcome.Passed, 4000m, attempt: 2)]);

        Assert.Equal((1, 1, 0, 0), (summary.Graded, summary.Passed, summary.Failed, summary.SystemErrors));
        Assert.Equal((4000m, 3, 1), (summary.EarnedUsd, summary.Attempts, summary.AttemptsGraded));
    }

    [Fact]
    public void Several_tasks_with_mixed_attempts_count_each_task_once()
    {
        // m1: fail, pass, pass -> passed once. m2: fail, system error -> failed. m3: system error twice -> system error.
        // m4: pass then (not yet graded) -> passed. m5: fail, (not yet graded) -> undecided.
        var plan = new[] { "m1", "m2", "m3", "m4", "m5" }
            .SelectMany((id, i) => Enumerable.Range(1, id == "m1" ? 3 : 2).Select(a => Planned(id, 1000m * (i + 1), a)))
            .ToList();
        var results = new[]
        {
            Graded("m1", GradeOutcome.Failed, 1000m, 1), Graded("m1", GradeOutcome.Passed, 1000m, 2), Graded("m1", GradeOutcome.Passed, 1000m, 3),
            Graded("m2", GradeOutcome.Failed, 2000m, 1), Graded("m2", GradeOutcome.SystemError, 2000m, 2),
            Graded("m3", GradeOutcome.SystemError, 3000m, 1), Graded("m3", GradeOutcome.SystemError, 3000m, 2),
            Graded("m4", GradeOutcome.Passed, 4000m, 1),
            Graded("m5", GradeOutcome.Failed, 5000m, 1),
            // A replayed event and a result for an attempt that was never planned count for nothing.
            Graded("m1", GradeOutcome.Passed, 1000m, 2), Graded("m2", GradeOutcome.Passed, 2000m, 9),
        };

        var summary = LedgerSummary.Of("s1", plan, results);

        Assert.Equal((5, 4, 2, 1, 1), (summary.Tasks, summary.Graded, summary.Passed, summary.Failed, summary.SystemErrors));
        Assert.Equal((5000m, 15_000m), (summary.EarnedUsd, summary.AvailableUsd));
        Assert.Equal((11, 9), (summary.Attempts, summary.AttemptsGraded));
        Assert.Equal(new VariantSummary(5, 4, 2, 1, 1, 5000m, 15_000m), summary.ByVariant[TaskVariants.SweManager]);
    }

    [Fact]
    public void A_task_is_graded_only_when_all_its_attempts_are()
    {
        var plan = new[] { Planned("m1", 100m, 1), Planned("m1", 100m, 2) };

        var summary = LedgerSummary.Of("s1", plan, [Graded("m1", GradeOutcome.Failed, 100m, attempt: 1)]);

        Assert.Equal(0, summary.Graded);
        Assert.Equal(0, summary.Failed);
    }

    [Fact]
    public void A_failure_outranks_a_system_error_among_attempts()
    {
        var plan = new[] { Planned("m1", 100m, 1), Planned("m1", 100m, 2) };
        var results = new[] { Graded("m1", GradeOutcome.SystemError, 100m, 1), Graded("m1", GradeOutcome.Failed, 100m, 2) };

        var summary = LedgerSummary.Of("s1", plan, results);

        Assert.Equal((1, 0), (summary.Failed, summary.SystemErrors));
    }
}
