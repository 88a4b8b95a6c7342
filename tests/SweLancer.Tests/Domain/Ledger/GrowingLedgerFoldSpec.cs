using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
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
            var plan = Enumerable.Range(0, random.Next(1, 40)).SelectMany(t =>
                    Enumerable.Range(1, random.Next(1, 4)).Select(a => new PlannedItem($"q{t}", a, t % 3 == 0 ? "ic_swe" : "swe_manager", 50m * (t + 1), "h")))
                .ToList();
            // Each planned attempt once, in a random order, plus results the plan does not hold (another attempt, another task).
            var results = plan.Select(i => Graded(i.QuestionId, (GradeOutcome)random.Next(3), i.PriceUsd, i.Attempt, variant: i.Variant))
                .Append(Graded("q0", GradeOutcome.Passed, 50m, attempt: 9))
                .Append(Graded("stranger", GradeOutcome.Passed, 9000m))
                .OrderBy(_ => random.Next()).ToList();
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
