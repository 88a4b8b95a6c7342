using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class GrowingLedgerFoldSpec
{
    [Fact]
    public void Read_after_every_batch_it_equals_the_full_fold_of_everything_added()
    {
        var random = new Random(7);
        for (var round = 0; round < 30; round++)
        {
            var plan = RandomLedgerInput.Plan(random, maxTasks: 40);
            var results = RandomLedgerInput.Results(random, plan, repeats: false);
            var fold = new GrowingLedgerFold("s1", plan);

            var added = new List<TaskGraded>();
            foreach (var batch in results.Chunk(random.Next(1, 6)))
            {
                fold.AddAll(batch);
                added.AddRange(batch);

                var expected = LedgerSummary.Of("s1", plan, added);
                Assert.Equal(Figures(expected), Figures(fold.Summary!));
                Assert.Equal(expected.ByVariant.OrderBy(v => v.Key), fold.Summary!.ByVariant.OrderBy(v => v.Key));
                Assert.Equal(added.GroupBy(r => (r.Variant, r.Outcome)).ToDictionary(g => g.Key, g => (long)g.Count()), fold.AttemptsByOutcome());
                Assert.Equal(added.Count, fold.Count);
            }
        }
    }

    [Fact]
    public void Without_a_plan_it_counts_attempts_and_has_no_summary()
    {
        var fold = new GrowingLedgerFold("s1", plan: null);

        fold.AddAll([Graded("q1", GradeOutcome.Passed, 10m), Graded("q2", GradeOutcome.Passed, 10m), Graded("q3", GradeOutcome.Failed, 10m)]);

        Assert.False(fold.HasPlan);
        Assert.Null(fold.Summary);
        Assert.Equal(new Dictionary<(string, GradeOutcome), long> { [("swe_manager", GradeOutcome.Passed)] = 2, [("swe_manager", GradeOutcome.Failed)] = 1 },
            fold.AttemptsByOutcome());
    }

    private static (int, int, int, int, int, decimal, decimal, int, int) Figures(LedgerSummary s) =>
        (s.Tasks, s.Graded, s.Passed, s.Failed, s.SystemErrors, s.EarnedUsd, s.AvailableUsd, s.Attempts, s.AttemptsGraded);
}
