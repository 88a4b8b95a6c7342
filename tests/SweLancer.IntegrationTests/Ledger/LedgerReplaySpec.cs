using System.Text.Json.Nodes;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Ledger;

/// <summary>
/// `swelancer ledger` on a real sweep's journal: the stored results folded again under a price cap and an excluded
/// task, checked against the pool's own files, and the sweep's reports left as they were (nothing is regraded).
/// </summary>
public sealed class LedgerReplaySpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_replay_under_a_cap_and_an_exclusion_matches_the_pool_files_and_regrades_nothing()
    {
        using var dir = new TempDir();
        var pool = DemoManagerPool.Write(dir.Path);
        var sweep = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", pool.TasksPath, "--submissions", pool.SubmissionsPath,
            "--sweep-id", "replayed", "--out", dir.File("out"));
        Assert.True(sweep.ExitCode == 0, sweep.All);
        var recorded = File.ReadAllText(dir.File("out/summary.json"));
        var journalWritten = File.GetLastWriteTimeUtc(dir.File("out/sweep.db"));

        // The expected figures, from the manifest's prices and correct proposals against the answers.
        var tasks = JsonNode.Parse(File.ReadAllText(pool.TasksPath))!["tasks"]!.AsArray()
            .Select(t => (Id: (string)t!["question_id"]!, Price: (decimal)t["price"]!, Correct: t["manager"]!["correct_proposal_id"]!.ToString())).ToList();
        var answers = File.ReadAllLines(pool.SubmissionsPath).Select(l => JsonNode.Parse(l)!)
            .ToDictionary(a => (string)a["question_id"]!, a => a["selected_proposal_id"]!.ToString());
        var excluded = tasks.First(t => answers.GetValueOrDefault(t.Id) == t.Correct).Id;
        var cap = tasks.Select(t => t.Price).Order().ElementAt(tasks.Count / 2);
        var kept = tasks.Where(t => t.Id != excluded).ToList();
        var expectedEarned = kept.Where(t => answers.GetValueOrDefault(t.Id) == t.Correct).Sum(t => Math.Min(t.Price, cap));
        var expectedAvailable = kept.Sum(t => Math.Min(t.Price, cap));
        Assert.True(expectedEarned > 0 && expectedEarned < pool.EarnedUsd, $"the cap and exclusion must change a non-zero figure ({expectedEarned} of {pool.EarnedUsd})");

        var replay = await CoordinatorCli.RunAsync(Timeout, "ledger", "--sweep-id", "replayed", "--out", dir.File("out"),
            "--price-rule", $"cap:{cap}", "--price-rule", $"exclude:{excluded}", "--summary-json", dir.File("replay.json"));

        Assert.True(replay.ExitCode == 0, replay.All);
        var summary = SummaryFile.Read(dir.File("replay.json"));
        Assert.Equal((kept.Count, expectedEarned, expectedAvailable), (summary.Tasks, summary.EarnedUsd, summary.AvailableUsd));
        Assert.Contains("recorded: $", replay.Output);
        Assert.Equal(recorded, File.ReadAllText(dir.File("out/summary.json")));
        Assert.Equal(journalWritten, File.GetLastWriteTimeUtc(dir.File("out/sweep.db")));
    }

    [Fact]
    public async Task A_bad_rule_or_an_unknown_sweep_is_a_clear_error_with_exit_code_2()
    {
        using var dir = new TempDir();
        var pool = DemoManagerPool.Write(dir.Path);
        Assert.Equal(0, (await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", pool.TasksPath, "--submissions", pool.SubmissionsPath,
            "--sweep-id", "replayed", "--out", dir.File("out"))).ExitCode);

        var badRule = await CoordinatorCli.RunAsync(Timeout, "ledger", "--sweep-id", "replayed", "--out", dir.File("out"), "--price-rule", "cap:lots");
        var unknown = await CoordinatorCli.RunAsync(Timeout, "ledger", "--sweep-id", "never-run", "--out", dir.File("out"));

        Assert.Equal(2, badRule.ExitCode);
        Assert.Contains("--price-rule 'cap:lots': the cap must be a dollar amount", badRule.All);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no sweep 'never-run' in the journal", unknown.All);
        Assert.DoesNotContain("   at ", badRule.All + unknown.All);
    }
}
