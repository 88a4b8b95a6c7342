using SweLancer.Coordinator.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Telemetry;

/// <summary>The ledger totals behind the graded and earned metrics agree with the ledger's summary.</summary>
public sealed class LedgerTotalsSpec
{
    [Fact]
    public void Earned_dollars_count_each_passed_task_once_like_the_summary()
    {
        var results = new[]
        {
            Graded("m1", GradeOutcome.Failed, 500m, attempt: 1),
            Graded("m1", GradeOutcome.Passed, 500m, attempt: 2),
            Graded("m1", GradeOutcome.Passed, 500m, attempt: 3),
            Graded("i1", GradeOutcome.Passed, 250m, variant: TaskVariants.IcSwe),
            Graded("i2", GradeOutcome.SystemError, 1000m, variant: TaskVariants.IcSwe),
        };
        var plan = results.Select(r => new PlannedItem(r.QuestionId, r.Attempt, r.Variant, r.PriceUsd, null)).ToList();

        var totals = LedgerTotals.Of(results);
        var summary = LedgerSummary.Of("s1", plan, results);

        Assert.Equal(5, totals.Count);
        Assert.Equal(summary.EarnedUsd, totals.Earned().Sum(e => e.EarnedUsd));
        Assert.Equal(summary.ByVariant.ToDictionary(v => v.Key, v => v.Value.EarnedUsd), totals.Earned().ToDictionary(e => e.Variant, e => e.EarnedUsd));
        Assert.Equal(
            new (string, GradeOutcome, long)[] { ("ic_swe", GradeOutcome.Passed, 1), ("ic_swe", GradeOutcome.SystemError, 1), ("swe_manager", GradeOutcome.Passed, 2), ("swe_manager", GradeOutcome.Failed, 1) },
            totals.Attempts().OrderBy(a => a.Variant, StringComparer.Ordinal).ThenBy(a => a.Outcome).ToArray());
    }

    [Fact]
    public void A_variant_without_a_pass_reports_zero_dollars()
    {
        var totals = LedgerTotals.Of([Graded("m1", GradeOutcome.Failed, 500m)]);

        Assert.Equal([("swe_manager", 0m)], totals.Earned());
    }
}
