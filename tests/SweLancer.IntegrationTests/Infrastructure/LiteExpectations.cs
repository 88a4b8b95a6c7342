using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>What the Lite table must give for a gold submission, per the dataset's README: 113 manager tasks worth $202,000, 61 IC tasks worth $175,000.</summary>
public static class LiteExpectations
{
    public static void AssertGold(SummaryFile summary, string sweepId, IReadOnlyList<GeneratedSubmissions.Line> gold)
    {
        var icAnswered = gold.Count(l => l.Patch is not null);
        Assert.Equal(["sweep_id", "tasks", "graded", "passed", "failed", "system_errors", "earned_usd", "available_usd", "by_variant",
            "earned_usd_ci", "pass_at_1_ci", "pass_at_k", "earnings_at_k", "flaky_tasks", "flaky_usd", "cost", "pass_at_k_ci", "earnings_at_k_ci"], summary.Keys);
        Assert.Equal(sweepId, summary.SweepId);
        Assert.Equal(174, summary.Tasks);
        Assert.Equal(174, summary.Graded);
        Assert.Equal(113, summary.Passed);
        Assert.Equal(61 - icAnswered, summary.Failed);
        Assert.Equal(icAnswered, summary.SystemErrors);
        Assert.Equal(202_000m, summary.EarnedUsd);
        Assert.Equal(377_000m, summary.AvailableUsd);
        Assert.Equal((113, 113, 202_000m), summary.ByVariant["swe_manager"]);
        Assert.Equal((61, 0, 0m), summary.ByVariant["ic_swe"]);
    }

    public static void AssertGoldRows(string resultsPath, IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<GeneratedSubmissions.Line> gold)
    {
        var (header, rows) = ResultsFile.Read(resultsPath);
        Assert.Equal("question_id,variant,attempt,outcome,earned_usd,price_usd,reason,runs,container_seconds,browser_seconds", header);
        Assert.Equal(174, rows.Count);
        var answered = gold.Select(l => l.QuestionId).ToHashSet();
        foreach (var row in rows)
        {
            var task = tasks.Single(t => t.QuestionId == row.QuestionId);
            Assert.Equal(task.PriceUsd, row.PriceUsd);
            if (task.Variant == TaskVariants.SweManager)
                Assert.Equal(("passed", task.PriceUsd), (row.Outcome, row.EarnedUsd));
            else if (answered.Contains(row.QuestionId))
            {
                // No SWE-Lancer image here (or no Docker at all): ours, never a pass or the model's failure.
                Assert.Equal(("system_error", 0m), (row.Outcome, row.EarnedUsd));
                Assert.True(row.Reason.StartsWith($"image swelancer/swelancer_x86_{row.QuestionId}:releasev1 is not available: ", StringComparison.Ordinal)
                            || row.Reason.StartsWith("the Docker engine at ", StringComparison.Ordinal), row.Reason);
            }
            else
                Assert.Equal(("failed", 0m, "no submission"), (row.Outcome, row.EarnedUsd, row.Reason));
        }
    }
}
