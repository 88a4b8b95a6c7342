using System.Text.Json;
using SweLancer.Domain.Import;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Reports;

/// <summary>
/// `swelancer sweep --confirm-runs --rerun-failures 1` over the sample pool: every run of every attempt is recorded
/// by the grader, travels in the journaled result, and reaches results.csv and summary.json with the attempt's cost.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class RunRecordsAndCostSpec
{
    [Fact]
    public async Task Confirmed_runs_and_container_seconds_reach_the_results_and_the_summary()
    {
        SamplePool.EnsureImage();
        using var dir = new TempDir();
        var tasks = TaskPoolReader.Read(SamplePool.TasksJson);
        var command = tasks.Where(t => t.Ic?.Runner == IcRunnerKinds.Command).ToList();
        var browser = tasks.First(t => t.Ic?.Runner == IcRunnerKinds.Browser);
        var manager = tasks.First(t => t.Manager is not null);
        GeneratedSubmissions.Write(dir.File("gold.jsonl"),
        [
            .. command.Concat([browser]).Select(t => new GeneratedSubmissions.Line(t.QuestionId, 1, null, t.Ic!.GoldPatch)),
            new GeneratedSubmissions.Line(manager.QuestionId, 1, manager.Manager!.CorrectProposalId, null),
        ]);

        var run = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(10), "sweep", "--tasks", SamplePool.TasksJson, "--submissions", dir.File("gold.jsonl"),
            "--sweep-id", "confirm-runs", "--out", dir.File("out"), "--confirm-runs", "--rerun-failures", "1");

        Assert.True(run.ExitCode == 0, run.All);
        var rows = ResultsFile.Read(dir.File("out/results.csv")).Rows.ToDictionary(r => r.QuestionId);
        // The command runner makes all 3 runs although the first passed; browser tests 1 + 1 rerun.
        Assert.Equal(3, command.Count);
        Assert.All(command, t => Assert.Equal(("passed", "passed passed passed"), (rows[t.QuestionId].Outcome, rows[t.QuestionId].Runs)));
        Assert.Equal(("passed", "passed passed"), (rows[browser.QuestionId].Outcome, rows[browser.QuestionId].Runs));
        Assert.All(command.Append(browser), t => Assert.True(rows[t.QuestionId].ContainerSeconds > 0, $"{t.QuestionId}: {rows[t.QuestionId].ContainerSeconds}"));
        Assert.True(rows[browser.QuestionId].BrowserSeconds > 0);
        Assert.Equal(("passed", "", 0d, 0d), (rows[manager.QuestionId].Outcome, rows[manager.QuestionId].Runs, rows[manager.QuestionId].ContainerSeconds, rows[manager.QuestionId].BrowserSeconds));
        Assert.Contains("(3 of 3 runs passed)", rows[command[0].QuestionId].Reason);

        using var summary = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        var root = summary.RootElement;
        Assert.Empty(root.GetProperty("flaky_tasks").EnumerateArray());
        Assert.Equal(0m, root.GetProperty("flaky_usd").GetDecimal());
        var cost = root.GetProperty("cost");
        var icSeconds = command.Append(browser).Sum(t => rows[t.QuestionId].ContainerSeconds!.Value);
        Assert.Equal(icSeconds, cost.GetProperty("container_seconds").GetDouble(), 0.01);
        Assert.Equal(rows[browser.QuestionId].BrowserSeconds!.Value, cost.GetProperty("browser_seconds").GetDouble(), 0.01);
        var earned = root.GetProperty("earned_usd").GetDecimal();
        Assert.Equal(command.Append(browser).Append(manager).Sum(t => t.PriceUsd), earned);
        Assert.Equal(decimal.Round(earned * 3600m / (decimal)cost.GetProperty("container_seconds").GetDouble(), 2),
            cost.GetProperty("usd_per_container_hour").GetDecimal());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("by_variant").GetProperty("swe_manager").GetProperty("usd_per_container_hour").ValueKind);
        Assert.Contains("cost: ", run.All);
    }
}
