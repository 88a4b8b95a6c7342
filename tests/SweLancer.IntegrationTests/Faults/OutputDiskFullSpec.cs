using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// The output folder's disk (the embedded journal, the log, the artefacts of failed browser tests, the reports) runs
/// full mid-sweep and is freed again: the sweep waits it out and ends with the same results, attempt by attempt, as an
/// undisturbed sweep. The disk is a small tmpfs the spec mounts (as root) and fills.
/// </summary>
public sealed class OutputDiskFullSpec
{
    private const int Tasks = 12;

    [Fact]
    public async Task A_full_output_disk_freed_mid_sweep_leaves_the_undisturbed_results()
    {
        using var dir = new TempDir();
        var pool = RetaggedSamplePool.Write(dir.Path, RetaggedSamplePool.SampleImage, Tasks, "mixed.jsonl");
        var calm = await SweepAsync(pool, "disk-calm", dir.File("calm"));
        Assert.True(calm.ExitCode == 0, calm.All);

        using var disk = new SmallDisk(dir.File("small"), megabytes: 64);
        var outDir = Path.Combine(disk.Path, "out");
        using var stop = new CancellationTokenSource();
        long filled = 0;
        Task<CoordinatorCli.Result>? run = null;
        var runningWhenFreed = false;
        long freeWhenFilled = long.MaxValue;
        var fault = Task.Run(async () =>
        {
            // Full once grading is under way (the journal exists), for 15 s.
            while (!File.Exists(Path.Combine(outDir, "sweep.db")))
                await Task.Delay(200, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(4), stop.Token);
            try
            {
                filled = disk.Fill();
                freeWhenFilled = disk.FreeBytes; // asserted after the sweep: a throw here would leave the disk full
                await Task.Delay(TimeSpan.FromSeconds(15), stop.Token);
                runningWhenFreed = run is { IsCompleted: false };
            }
            finally
            {
                disk.Free();
            }
        }, stop.Token);

        run = SweepAsync(pool, "disk-full", outDir);
        var result = await run;
        await stop.CancelAsync();
        await fault.ContinueWith(_ => { }, TaskScheduler.Default);

        TestContext.Current.TestOutputHelper?.WriteLine(result.All);
        Assert.True(filled > 0 && runningWhenFreed, "the disk was not full while the sweep ran: the fault was never injected\n" + result.All);
        Assert.True(freeWhenFilled < 64 * 1024, $"the disk still had {freeWhenFilled} bytes free once filled");
        Assert.True(result.ExitCode == 0, result.All);
        var expected = Rows(Path.Combine(dir.File("calm"), "results.csv"));
        var actual = Rows(Path.Combine(outDir, "results.csv"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"filled the output disk with {filled / 1024 / 1024} MiB mid-sweep for 15 s; {actual.Count(r => r.Outcome == "passed")} passed, {actual.Count(r => r.Outcome == "failed")} failed, as undisturbed");
        Assert.Equal(expected, actual);

        // The log shares the disk: it lost lines and said so, and its own failure never fed back into it (a logger that
        // crashed logged its crash to itself, and that loop refilled every byte the disk freed).
        var log = File.ReadAllText(Path.Combine(outDir, "swelancer.log"));
        Assert.Contains("log line(s) were dropped: No space left on device", log);
        Assert.DoesNotContain("FileLogger] No space left on device", log);
        Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", "label=swelancer.sweep=disk-full"));
    }

    private static Task<CoordinatorCli.Result> SweepAsync(RetaggedSamplePool pool, string sweep, string outDir) =>
        CoordinatorCli.RunAsync(TimeSpan.FromMinutes(6), "sweep", "--tasks", pool.TasksPath, "--submissions", pool.SubmissionsPath,
            "--sweep-id", sweep, "--out", outDir, "--system-error-retries", "5");

    private static List<(string QuestionId, int Attempt, string Outcome, decimal EarnedUsd)> Rows(string path) =>
        ResultsFile.Read(path).Rows.Select(r => (r.QuestionId, r.Attempt, r.Outcome, r.EarnedUsd)).OrderBy(r => r.QuestionId, StringComparer.Ordinal).ToList();
}
