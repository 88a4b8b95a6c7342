using System.Text.RegularExpressions;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>
/// SIGKILL the real program while its containers are grading, then resume the sweep: the orphaned containers are
/// reaped, nothing is left behind, and the ledger equals an uninterrupted gold run.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed partial class SamplePoolSigkillSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task A_sweep_killed_mid_grading_leaves_no_container_after_its_resume_and_earns_the_same()
    {
        SamplePool.EnsureImage();
        using var dir = new TempDir();
        const string sweepId = "sample-killed";
        string[] args = ["sweep", "--tasks", SamplePool.TasksJson, "--submissions", Path.Combine(SamplePool.Folder, "submissions", "gold.jsonl"),
            "--sweep-id", sweepId, "--out", dir.File("out"), "--summary-json", dir.File("summary.json")];

        using (var process = CoordinatorCli.Start(args))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var graded = 0;
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var match = Progress().Match(line);
                if (match.Success && (graded = int.Parse(match.Groups[1].Value)) >= 12)
                    break;
            }

            Assert.False(process.HasExited, "the sweep ended before it could be killed");
            var running = DockerFixture.Docker("ps", "-q", "--filter", "label=swelancer.sweep=" + sweepId);
            process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            await process.WaitForExitAsync(timeout.Token);
            output.WriteLine($"killed at {graded} graded with {running.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} container(s) running");
        }

        var resumed = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(10), args);

        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Contains("resuming:", resumed.Output);
        Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", "label=swelancer.sweep=" + sweepId));
        var summary = SummaryFile.Read(dir.File("summary.json"));
        Assert.Equal((35, 35, 80_250m), (summary.Graded, summary.Passed, summary.EarnedUsd));
    }

    [GeneratedRegex(@"^progress: (\d+)/\d+ graded")]
    private static partial Regex Progress();
}
