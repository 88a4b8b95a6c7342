using System.Diagnostics;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// The Docker engine is restarted mid-sweep: with SIGTERM, as `systemctl restart docker` does (it stops the grading
/// containers and is away for a while), or after a crash (SIGKILL: nothing is stopped, and the new engine finds the old
/// containers and cleans them up), or with live-restore on (SIGTERM leaves the containers running, and the new engine
/// takes them back; the harness's calls in flight to the old engine are lost all the same). The engine is a private one
/// the spec starts in a network namespace of its own (<see cref="PrivateDockerEngine"/>), so the machine's shared
/// engine and its bridges are never touched. What the restart breaks is a retryable system error, never the model's
/// failure, so the sweep ends with the same results, attempt by attempt, as an undisturbed sweep on the same engine,
/// and leaves no container behind.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class DockerdRestartedSpec
{
    private const int Tasks = 12;

    [Theory]
    [InlineData("SIGTERM", false)]
    [InlineData("SIGKILL", false)]
    [InlineData("SIGTERM", true)]
    public async Task A_dockerd_restarted_mid_sweep_leaves_the_undisturbed_results(string signal, bool liveRestore)
    {
        var hostBridgeBefore = HostHasDocker0();
        using var dir = new TempDir();
        // Mixed answers: a restart must turn neither a failure into a pass nor a pass into a failure.
        var pool = RetaggedSamplePool.Write(dir.Path, RetaggedSamplePool.SampleImage, Tasks, "mixed.jsonl");
        using (var engine = new PrivateDockerEngine(dir.File("engine"), liveRestore))
        {
            engine.BuildSampleImage();
            var calm = await SweepAsync(engine, pool, "dockerd-calm", dir.File("calm"), TimeSpan.FromMinutes(4));
            Assert.True(calm.ExitCode == 0, calm.All);

            const string sweep = "dockerd-restarted";
            using var stop = new CancellationTokenSource();
            Task<CoordinatorCli.Result>? run = null;
            var (killed, away, runningAfter) = (0, TimeSpan.Zero, false);
            var fault = Task.Run(async () =>
            {
                // Restarted while attempts are inside their containers: wait for one to have run for 3 s.
                while (Running(engine, sweep).Length == 0)
                    await Task.Delay(200, stop.Token);
                await Task.Delay(TimeSpan.FromSeconds(3), stop.Token);
                // The first ones may have ended in those 3 s: restart only while one is inside its container.
                while ((killed = Running(engine, sweep).Length) == 0)
                    await Task.Delay(100, stop.Token);
                away = engine.Restart(crash: signal == "SIGKILL");
                runningAfter = run is { IsCompleted: false };
            }, stop.Token);

            var started = Stopwatch.StartNew();
            run = SweepAsync(engine, pool, sweep, dir.File("restarted"), TimeSpan.FromMinutes(5));
            var result = await run;
            await stop.CancelAsync();
            await fault.ContinueWith(_ => { }, TaskScheduler.Default);

            Assert.False(fault.IsFaulted, $"restarting the private engine failed: {fault.Exception?.InnerException?.Message}\n{result.All}");
            Assert.True(killed > 0 && runningAfter, $"the engine was not restarted under running attempts (killed {killed}, sweep running after: {runningAfter}): the fault was never injected\n{result.All}");
            Assert.True(result.ExitCode == 0, result.All);
            var expected = Rows(Path.Combine(dir.File("calm"), "results.csv"));
            var actual = Rows(Path.Combine(dir.File("restarted"), "results.csv"));
            var retried = File.ReadLines(Path.Combine(dir.File("restarted"), "swelancer.log")).Count(l => l.Contains("system", StringComparison.OrdinalIgnoreCase) && l.Contains("retry", StringComparison.OrdinalIgnoreCase));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"restarted the engine ({signal}{(liveRestore ? ", live-restore" : "")}) under {killed} running containers, away {away.TotalSeconds:F1} s; sweep took {started.Elapsed.TotalSeconds:F0} s, {retried} retry lines in its log; " +
                $"{actual.Count(r => r.Outcome == "passed")} passed, {actual.Count(r => r.Outcome == "failed")} failed, {actual.Count(r => r.Outcome == "system_error")} system errors");
            Assert.Equal(expected, actual);
            Assert.Empty(engine.Docker("ps", "-a", "-q", "--filter", $"label=swelancer.sweep={sweep}"));
        }

        // The shared engine and its bridge were never touched.
        Assert.Equal(hostBridgeBefore, HostHasDocker0());
        DockerFixture.Docker("ps", "-q");
    }

    private static string[] Running(PrivateDockerEngine engine, string sweep)
    {
        try
        {
            return engine.Docker("ps", "-q", "--filter", $"label=swelancer.sweep={sweep}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (InvalidOperationException)
        {
            return []; // restarting
        }
    }

    private static Task<CoordinatorCli.Result> SweepAsync(PrivateDockerEngine engine, RetaggedSamplePool pool, string sweep, string outDir, TimeSpan timeout) =>
        CoordinatorCli.RunUnderAsync(engine.Launcher, timeout, new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Endpoint },
            "sweep", "--tasks", pool.TasksPath, "--submissions", pool.SubmissionsPath, "--sweep-id", sweep, "--out", outDir,
            "--system-error-retries", "12"); // the backoff then outlasts an engine restart on a busy host (6 covered ~61 s)

    private static bool HostHasDocker0() => Directory.Exists("/sys/class/net/docker0");

    private static List<(string QuestionId, int Attempt, string Outcome, decimal EarnedUsd)> Rows(string path) =>
        ResultsFile.Read(path).Rows.Select(r => (r.QuestionId, r.Attempt, r.Outcome, r.EarnedUsd)).OrderBy(r => r.QuestionId, StringComparer.Ordinal).ToList();
}
