using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class PriceBandSpec
{
    [Theory]
    [InlineData(50, "lt500")]
    [InlineData(499.99, "lt500")]
    [InlineData(500, "500-1k")]
    [InlineData(999, "500-1k")]
    [InlineData(1000, "1k-2k")]
    [InlineData(2000, "2k-5k")]
    [InlineData(4999.5, "2k-5k")]
    [InlineData(5000, "ge5k")]
    [InlineData(32000, "ge5k")]
    public void Lower_bounds_are_inclusive_and_upper_bounds_exclusive(decimal price, string band) =>
        Assert.Equal(band, PriceBand.Of(price).Id);

    [Fact]
    public void Band_earnings_count_each_task_once_and_add_up_to_the_ledger_totals()
    {
        PlannedItem[] plan = [new("a", 1, "swe_manager", 250m, null), new("b", 1, "swe_manager", 1000m, null), new("b", 2, "swe_manager", 1000m, null), new("c", 1, "ic_swe", 8000m, null)];
        TaskGraded[] results = [Graded("a", GradeOutcome.Failed, 250m), Graded("b", GradeOutcome.Passed, 1000m), Graded("b", GradeOutcome.Passed, 1000m, attempt: 2), Graded("c", GradeOutcome.Passed, 8000m, variant: "ic_swe")];

        var report = SweepReport.Of("s1", plan, results);

        Assert.Equal(["lt500", "500-1k", "1k-2k", "2k-5k", "ge5k"], report.Bands.Select(b => b.Band.Id));
        Assert.Equal((1, 0, 0m, 250m), Row(report, "lt500"));
        Assert.Equal((1, 1, 1000m, 1000m), Row(report, "1k-2k"));
        Assert.Equal((0, 0, 0m, 0m), Row(report, "2k-5k"));
        Assert.Equal((1, 1, 8000m, 8000m), Row(report, "ge5k"));
        Assert.Equal(report.Summary.EarnedUsd, report.Bands.Sum(b => b.EarnedUsd));
        Assert.Equal(report.Summary.AvailableUsd, report.Bands.Sum(b => b.AvailableUsd));
        Assert.Equal(report.Summary.Tasks, report.Bands.Sum(b => b.Tasks));
    }

    private static (int, int, decimal, decimal) Row(SweepReport report, string band)
    {
        var row = report.Bands.Single(b => b.Band.Id == band);
        return (row.Tasks, row.Passed, row.EarnedUsd, row.AvailableUsd);
    }
}
