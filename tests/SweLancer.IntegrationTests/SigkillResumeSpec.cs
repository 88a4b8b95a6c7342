using System.Text.RegularExpressions;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>Kill -9 the real process mid-sweep, twice, then resume: the outcome equals an uninterrupted run.</summary>
public sealed partial class SigkillResumeSpec(ITestOutputHelper output)
{
    private const int Tasks = 12000;

    [Fact]
    public async Task Killing_the_process_mid_sweep_and_resuming_gives_the_uninterrupted_results()
    {
        using var dir = new TempDir();
        GeneratedPool.Write(dir.File("tasks.json"), dir.File("answers.jsonl"), Tasks, seed: 99);
        string[] Args(string sweepId, string outDir) =>
            ["sweep", "--tasks", dir.File("tasks.json"), "--submissions", dir.File("answers.jsonl"), "--sweep-id", sweepId, "--out", dir.File(outDir)];

        var uninterrupted = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(5), Args("whole", "whole"));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.All);

        // The first kill lands while grading; the second at whatever moment the resumed run has moved on to, which on a
        // fast machine may be after the last result, while the ledger catches up: "any moment" includes that one.
        var firstKill = await KillWhenGradedAtLeastAsync(Args("killed", "killed"), 200);
        var secondKill = await KillWhenGradedAtLeastAsync(Args("killed", "killed"), Math.Min(firstKill + 1000, Tasks));
        output.WriteLine($"killed at {firstKill} and at {secondKill} graded of {Tasks}");
        Assert.InRange(firstKill, 1, Tasks - 1);
        Assert.InRange(secondKill, firstKill + 1, Tasks);

        var resumed = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(5), Args("killed", "killed"));
        Assert.True(resumed.ExitCode == 0, resumed.All);
        var recovered = int.Parse(ResumedCount().Match(resumed.Output).Groups[1].Value);
        Assert.InRange(recovered, secondKill, Tasks);

        Assert.Equal(File.ReadAllText(dir.File("whole/results.csv")), File.ReadAllText(dir.File("killed/results.csv")));
        var whole = SummaryFile.Read(dir.File("whole/summary.json"));
        var killed = SummaryFile.Read(dir.File("killed/summary.json"));
        Assert.Equal(
            (whole.Tasks, whole.Graded, whole.Passed, whole.Failed, whole.SystemErrors, whole.EarnedUsd, whole.AvailableUsd),
            (killed.Tasks, killed.Graded, killed.Passed, killed.Failed, killed.SystemErrors, killed.EarnedUsd, killed.AvailableUsd));
        Assert.Equal(whole.ByVariant["swe_manager"], killed.ByVariant["swe_manager"]);
        Assert.Equal(whole.Keys, killed.Keys);
        Assert.Equal(Tasks, killed.Graded);
    }

    /// <summary>Runs the sweep until its progress shows at least <paramref name="graded"/> results, then SIGKILLs it.</summary>
    private static async Task<int> KillWhenGradedAtLeastAsync(string[] args, int graded)
    {
        using var process = CoordinatorCli.Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var seen = 0;
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Progress().Match(line);
            if (match.Success && (seen = int.Parse(match.Groups[1].Value)) >= graded)
                break;
        }

        Assert.False(process.HasExited, $"the sweep ended before reaching {graded} graded (last seen {seen})");
        process.Kill(entireProcessTree: true); // SIGKILL on Linux
        await process.WaitForExitAsync(timeout.Token);
        return seen;
    }

    [GeneratedRegex(@"^progress: (\d+)/\d+ graded")]
    private static partial Regex Progress();

    [GeneratedRegex(@"resuming: (\d+) of \d+ attempts were already graded")]
    private static partial Regex ResumedCount();
}
