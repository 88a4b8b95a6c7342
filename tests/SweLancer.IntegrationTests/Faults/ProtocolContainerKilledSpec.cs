using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// Infrastructure faults in the middle of an official-protocol sweep on the conformance image: each ends with the same
/// ledger as an undisturbed sweep, because what the harness sees fail is a retryable system error, never the model's.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class ProtocolContainerKilledSpec
{
    [Fact]
    public async Task Grading_containers_killed_from_outside_are_graded_again_and_the_ledger_is_undisturbed()
    {
        var tasksPath = SharedDataset.RequireLiteCsv();
        ConformanceImage.Ensure();
        using var dir = new TempDir();
        var ic = GeneratedSubmissions.ReadTasks(tasksPath).Where(t => t.Variant == TaskVariants.IcSwe).Take(12).ToList();
        GeneratedSubmissions.Write(dir.File("gold.jsonl"), ic.Select(t => new GeneratedSubmissions.Line(t.QuestionId, 1, null, ConformanceImage.GoldPatch(t.QuestionId))));
        const string sweep = "protocol-kill";

        using var stop = new CancellationTokenSource();
        var killed = new List<string>();
        var killer = Task.Run(async () =>
        {
            // Kill a running container of the sweep now and then, whatever step it is in: three in all.
            while (!stop.IsCancellationRequested && killed.Count < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(2.5), stop.Token);
                var running = DockerFixture.Docker("ps", "-q", "--filter", $"label=swelancer.sweep={sweep}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (running.Length == 0)
                    continue;
                try
                {
                    DockerFixture.Docker("kill", running[0]);
                    killed.Add(running[0]);
                }
                catch (InvalidOperationException)
                {
                    // it ended on its own meanwhile
                }
            }
        }, stop.Token);

        var run = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(8), ConformanceImage.GraderEnvironment, "sweep", "--tasks", tasksPath,
            "--submissions", dir.File("gold.jsonl"), "--sweep-id", sweep, "--out", dir.File("out"), "--summary-json", dir.File("summary.json"),
            "--system-error-retries", "5");
        await stop.CancelAsync();
        await killer.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(killed.Count > 0, "no container was running to kill: the fault was never injected");
        TestContext.Current.TestOutputHelper?.WriteLine($"killed {killed.Count} grading containers mid-sweep");
        var summary = SummaryFile.Read(dir.File("summary.json"));
        var (_, rows) = ResultsFile.Read(dir.File("out/results.csv"));
        var answered = ic.Select(t => t.QuestionId).ToHashSet();
        var notPassed = rows.Where(r => answered.Contains(r.QuestionId) && r.Outcome != "passed").Select(r => $"{r.QuestionId}: {r.Outcome}: {r.Reason}");
        Assert.True(summary.ByVariant["ic_swe"] == (61, 12, ic.Sum(t => t.PriceUsd)), string.Join("\n", notPassed));
        Assert.Equal(0, summary.SystemErrors);
        Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", $"label=swelancer.sweep={sweep}"));
    }
}
