using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class TaskTallySpec
{
    [Fact]
    public void A_task_is_undecided_until_a_pass_or_its_last_planned_attempt()
    {
        PlannedItem[] plan = [new("q1", 1, TaskVariants.IcSwe, 500m, null), new("q1", 2, TaskVariants.IcSwe, 500m, null)];
        var tally = TaskTally.Of(plan).Add(Graded("q1", GradeOutcome.SystemError, 500m, attempt: 1, variant: TaskVariants.IcSwe));

        var open = tally.Summary("s1");
        Assert.Equal((1, 0, 2, 1, 0m, 500m), (open.Tasks, open.Graded, open.Attempts, open.AttemptsGraded, open.EarnedUsd, open.AvailableUsd));

        var closed = tally.Add(Graded("q1", GradeOutcome.Passed, 500m, attempt: 2, variant: TaskVariants.IcSwe)).Summary("s1");
        Assert.Equal((1, 1, 0, 0, 500m), (closed.Graded, closed.Passed, closed.Failed, closed.SystemErrors, closed.EarnedUsd));
    }

    [Fact]
    public void A_result_for_a_task_outside_the_plan_counts_nothing()
    {
        var tally = TaskTally.Of([new PlannedItem("q1", 1, TaskVariants.SweManager, 100m, null)]);

        var summary = tally.Add(Graded("stranger", GradeOutcome.Passed, 9000m)).Summary("s1");

        Assert.Equal((0, 0, 0m), (summary.Graded, summary.AttemptsGraded, summary.EarnedUsd));
    }

    // The tally is a shortcut: on any plan and any order of results it must say what the full fold says.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Agrees_with_the_full_fold_after_every_result(int seed)
    {
        var random = new Random(seed);
        var variants = new[] { TaskVariants.SweManager, TaskVariants.IcSwe };
        var plan = Enumerable.Range(1, 40).SelectMany(task =>
        {
            var (variant, price, attempts) = (variants[random.Next(2)], 50m * random.Next(1, 40), random.Next(1, 4));
            return Enumerable.Range(1, attempts).Select(a => new PlannedItem($"q{task}", a, variant, price, null));
        }).ToList();
        var outcomes = new[] { GradeOutcome.Passed, GradeOutcome.Failed, GradeOutcome.SystemError };
        var results = plan.OrderBy(_ => random.Next())
            .Select(i => Graded(i.QuestionId, outcomes[random.Next(3)], i.PriceUsd, i.Attempt, variant: i.Variant))
            .ToList();

        var tally = TaskTally.Of(plan);
        Assert.Equivalent(LedgerSummary.Of("s1", plan, []), tally.Summary("s1"), strict: true);
        for (var n = 1; n <= results.Count; n++)
        {
            tally = tally.Add(results[n - 1]);
            Assert.Equivalent(LedgerSummary.Of("s1", plan, results.Take(n)), tally.Summary("s1"), strict: true);
        }
        Assert.Equal(plan.Count, tally.Summary("s1").AttemptsGraded);

        // In bulk, as a recovered sweep counts: half at once, then the rest one by one, and everything at once.
        var half = results.Count / 2;
        var bulk = TaskTally.Of(plan).AddAll(results.Take(half).Append(Graded("stranger", GradeOutcome.Passed, 9000m)).Select(r => (r.QuestionId, r.Outcome)));
        Assert.Equivalent(LedgerSummary.Of("s1", plan, results.Take(half)), bulk.Summary("s1"), strict: true);
        foreach (var result in results.Skip(half))
            bulk = bulk.Add(result);
        Assert.Equivalent(LedgerSummary.Of("s1", plan, results), bulk.Summary("s1"), strict: true);
        Assert.Equivalent(LedgerSummary.Of("s1", plan, results), TaskTally.Of(plan).AddAll(results.Select(r => (r.QuestionId, r.Outcome))).Summary("s1"), strict: true);
    }
}
