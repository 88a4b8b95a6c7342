using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// The task image is deleted from the engine mid-sweep (a spec-owned tag of the sample image, so nothing else is
/// touched). Attempts that needed it are system errors, never the model's failure: when the image comes back (pulled
/// again, or re-loaded by the operator) within the retries, the ledger is the undisturbed one; when it never comes
/// back, those attempts end as system errors naming the image and nothing is counted as failed.
/// </summary>
public sealed class ImageDeletedSpec
{
    private const int Tasks = 10;

    [Fact]
    public async Task An_image_deleted_and_restored_mid_sweep_leaves_the_undisturbed_ledger()
    {
        using var dir = new TempDir();
        var sweep = "image-gone-back-" + Guid.NewGuid().ToString("N")[..6];
        var pool = RetaggedSamplePool.Write(dir.Path, $"swelancer-it/image-deleted-{Guid.NewGuid().ToString("N")[..8]}:1", Tasks);
        try
        {
            var run = await SweepDuringAsync(dir, pool, sweep, retries: 6, async stop =>
            {
                await Task.Delay(TimeSpan.FromSeconds(8), stop);
                pool.RemoveTag();
                await Task.Delay(TimeSpan.FromSeconds(8), stop);
                DockerFixture.Docker("tag", RetaggedSamplePool.SampleImage, pool.Image);
            });

            Assert.True(run.ExitCode == 0, run.All);
            var vanished = Hits(dir, pool.Image);
            Assert.True(vanished > 0, "no attempt found the image missing: the fault was never injected\n" + run.All);
            TestContext.Current.TestOutputHelper?.WriteLine($"{vanished} attempts hit a system error naming {pool.Image}; all were retried");
            var summary = SummaryFile.Read(dir.File("summary.json"));
            Assert.Equal((Tasks, Tasks, 0, 0, pool.PriceUsd), (summary.Graded, summary.Passed, summary.Failed, summary.SystemErrors, summary.EarnedUsd));
            Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", $"label=swelancer.sweep={sweep}"));
        }
        finally
        {
            pool.RemoveTag();
        }
    }

    [Fact]
    public async Task An_image_deleted_for_good_ends_as_system_errors_naming_it_and_never_as_failures()
    {
        using var dir = new TempDir();
        var sweep = "image-gone-" + Guid.NewGuid().ToString("N")[..6];
        var pool = RetaggedSamplePool.Write(dir.Path, $"swelancer-it/image-deleted-{Guid.NewGuid().ToString("N")[..8]}:1", Tasks);
        try
        {
            var run = await SweepDuringAsync(dir, pool, sweep, retries: 2, async stop =>
            {
                await Task.Delay(TimeSpan.FromSeconds(8), stop);
                pool.RemoveTag();
            });

            var summary = SummaryFile.Read(dir.File("summary.json"));
            var (_, rows) = ResultsFile.Read(dir.File("out/results.csv"));
            TestContext.Current.TestOutputHelper?.WriteLine($"exit {run.ExitCode}: {summary.Passed} passed before the image went, {summary.SystemErrors} system errors, {summary.Failed} failed");
            Assert.True(summary.SystemErrors > 0, "every attempt passed: the image was deleted too late to matter\n" + run.All);
            Assert.Equal(0, summary.Failed);
            Assert.Equal(Tasks, summary.Passed + summary.SystemErrors);
            Assert.All(rows.Where(r => r.Outcome == "system_error"), r => Assert.Contains($"image {pool.Image} was deleted from this engine during the sweep and the pull failed", r.Reason));
            TestContext.Current.TestOutputHelper?.WriteLine("reason: " + rows.First(r => r.Outcome == "system_error").Reason);
            Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", $"label=swelancer.sweep={sweep}"));
        }
        finally
        {
            pool.RemoveTag();
        }
    }

    private static Task<CoordinatorCli.Result> SweepAsync(TempDir dir, RetaggedSamplePool pool, string sweep, int retries) =>
        CoordinatorCli.RunAsync(TimeSpan.FromMinutes(6), "sweep", "--tasks", pool.TasksPath, "--submissions", pool.SubmissionsPath,
            "--sweep-id", sweep, "--out", dir.File("out"), "--summary-json", dir.File("summary.json"), "--system-error-retries", retries.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Retried system errors naming the image, from the sweep's Akka log.</summary>
    private static int Hits(TempDir dir, string image)
    {
        var log = dir.File("out/swelancer.log");
        return File.Exists(log) ? File.ReadLines(log).Count(l => l.Contains(image, StringComparison.Ordinal) && l.Contains("system", StringComparison.OrdinalIgnoreCase)) : 0;
    }

    /// <summary>Runs the sweep while <paramref name="fault"/> acts on the engine beside it; the fault stops with the sweep.</summary>
    private static async Task<CoordinatorCli.Result> SweepDuringAsync(TempDir dir, RetaggedSamplePool pool, string sweep, int retries,
        Func<CancellationToken, Task> fault)
    {
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => fault(stop.Token), stop.Token);
        var run = await SweepAsync(dir, pool, sweep, retries);
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        return run;
    }
}
