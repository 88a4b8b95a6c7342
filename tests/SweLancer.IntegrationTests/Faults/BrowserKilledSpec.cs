using System.Diagnostics;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// The grader's Chromium is killed from outside, twice, while the sample pool's gold answers are graded: the browser
/// tests it was running are system errors, retried on a relaunched browser, and the ledger is the undisturbed one.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class BrowserKilledSpec
{
    [Fact]
    public async Task A_killed_browser_is_relaunched_and_the_ledger_is_undisturbed()
    {
        SamplePool.EnsureImage();
        using var dir = new TempDir();
        const string sweep = "browser-killed";

        using var stop = new CancellationTokenSource();
        var kills = 0;
        var killer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && kills < 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(6), stop.Token);
                // Only a browser this sweep's grader launched (its user-data dir is Playwright's): pkill's exit 1 means none runs.
                using var pkill = Process.Start(new ProcessStartInfo("pkill", ["-KILL", "-f", "chromium.*playwright"]) { RedirectStandardOutput = true })!;
                await pkill.WaitForExitAsync(stop.Token);
                if (pkill.ExitCode == 0)
                    kills++;
            }
        }, stop.Token);

        var run = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(10), "sweep", "--tasks", SamplePool.TasksJson,
            "--submissions", Path.Combine(SamplePool.Folder, "submissions", "gold.jsonl"), "--sweep-id", sweep, "--out", dir.File("out"),
            "--summary-json", dir.File("summary.json"), "--system-error-retries", "5");
        await stop.CancelAsync();
        await killer.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(kills > 0, "no browser was running to kill: the fault was never injected");
        TestContext.Current.TestOutputHelper?.WriteLine($"killed the grader's Chromium {kills} times mid-sweep");
        var summary = SummaryFile.Read(dir.File("summary.json"));
        var (_, rows) = ResultsFile.Read(dir.File("out/results.csv"));
        Assert.True((summary.Passed, summary.EarnedUsd, summary.SystemErrors) == (35, 80_250m, 0),
            string.Join("\n", rows.Where(r => r.Outcome != "passed").Select(r => $"{r.QuestionId}: {r.Outcome}: {r.Reason}")));
        Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", $"label=swelancer.sweep={sweep}"));
    }
}
