using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>The real SWE-Lancer Lite table, graded end to end by the real program on its embedded SQLite default.</summary>
public sealed class LiteManagerSweepSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_gold_submission_earns_every_manager_dollar_and_no_ic_dollar()
    {
        var tasksPath = SharedDataset.RequireLiteCsv();
        using var dir = new TempDir();
        var tasks = GeneratedSubmissions.ReadTasks(tasksPath);
        var gold = GeneratedSubmissions.Gold(tasks);
        GeneratedSubmissions.Write(dir.File("gold.jsonl"), gold);

        var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", tasksPath, "--submissions", dir.File("gold.jsonl"),
            "--sweep-id", "lite-gold", "--out", dir.File("out"), "--summary-json", dir.File("summary.json"));

        Assert.True(run.ExitCode == 0, run.All);
        LiteExpectations.AssertGold(SummaryFile.Read(dir.File("summary.json")), "lite-gold", gold);
        LiteExpectations.AssertGoldRows(dir.File("out/results.csv"), tasks, gold);
    }

    [Fact]
    public async Task A_mixed_submission_earns_exactly_the_prices_of_the_right_picks()
    {
        var tasksPath = SharedDataset.RequireLiteCsv();
        using var dir = new TempDir();
        var tasks = GeneratedSubmissions.ReadTasks(tasksPath);

        foreach (var seed in new[] { 7, 1234 })
        {
            var (lines, expectedEarned, expectedPassed) = GeneratedSubmissions.Mixed(tasks, seed);
            var submissions = dir.File($"mixed-{seed}.jsonl");
            GeneratedSubmissions.Write(submissions, lines);

            var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", tasksPath, "--submissions", submissions,
                "--sweep-id", $"lite-mixed-{seed}", "--out", dir.File($"out-{seed}"), "--summary-json", dir.File($"summary-{seed}.json"));

            Assert.True(run.ExitCode == 0, run.All);
            var summary = SummaryFile.Read(dir.File($"summary-{seed}.json"));
            Assert.Equal(expectedEarned, summary.EarnedUsd);
            Assert.Equal(expectedPassed, summary.Passed);
            Assert.Equal(expectedEarned, summary.ByVariant["swe_manager"].EarnedUsd);
            Assert.Equal(0m, summary.ByVariant["ic_swe"].EarnedUsd);
            Assert.Contains("submission for unknown task 'no-such-task-42'", run.Output);
            Assert.Contains("duplicate", run.Output);

            var (_, rows) = ResultsFile.Read(dir.File($"out-{seed}/results.csv"));
            Assert.Equal(lines.Count - 2 + tasks.Count(t => lines.All(l => l.QuestionId != t.QuestionId)), rows.Count);
            Assert.DoesNotContain(rows, r => r.QuestionId == "no-such-task-42");
        }
    }
}
