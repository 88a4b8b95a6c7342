using System.Diagnostics;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>
/// One cluster (a coordinator and two grader nodes as separate processes, on PostgreSQL) for the phases of
/// <see cref="ClusterSurvivalSpec"/>: each phase grades 198 tasks (the sample pool twice over, in real containers
/// and Chromium, plus the Lite manager tasks) and leaves the cluster whole for the next.
/// </summary>
public sealed class SurvivalCluster : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public ClusterRig? Rig { get; private set; }

    public ClusterPool? Pool { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // Without the Lite table every phase skips (and says why); the cluster is not started for nothing.
        if (!File.Exists(SharedDataset.LiteCsvPath))
            return;
        SamplePool.EnsureImage();
        Pool = ClusterPool.Build(_dir.Path, sampleRepeats: 2, SharedDataset.LiteCsvPath);
        Rig = await ClusterRig.StartAsync(_dir.Path);
    }

    public async ValueTask DisposeAsync()
    {
        if (Rig is not null)
            await Rig.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>
/// A coordinator and two grader nodes as separate processes on PostgreSQL grade 198 tasks while, in turn, a grader is
/// SIGKILLed, the coordinator is SIGKILLed and restarted, and PostgreSQL is stopped for 15 s; then every node leaves.
/// Each phase is its own test, in that order on one cluster, and each sweep must end with exactly the totals its
/// submissions earn.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "PostgreSQL")]
[Trait("Needs", "Chromium")]
[TestCaseOrderer(typeof(PhaseOrder))]
public sealed class ClusterSurvivalSpec(SurvivalCluster cluster) : IClassFixture<SurvivalCluster>
{
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(8);

    private (ClusterRig Rig, ClusterPool Pool) Cluster()
    {
        SharedDataset.RequireLiteCsv();
        Assert.True(cluster.Pool!.Tasks >= 150, $"the pool has {cluster.Pool.Tasks} tasks");
        return (cluster.Rig!, cluster.Pool);
    }

    [Fact, Phase(1)]
    public Task A_grader_killed_mid_sweep_loses_no_task_and_its_orphans_are_reaped() =>
        GraderLossAsync(Cluster().Rig, Cluster().Pool);

    [Fact, Phase(2)]
    public Task A_coordinator_killed_mid_sweep_and_restarted_ends_with_exact_totals() =>
        CoordinatorLossAsync(Cluster().Rig, Cluster().Pool);

    [Fact, Phase(3)]
    public Task A_database_outage_mid_sweep_ends_with_exact_totals() =>
        DatabaseOutageAsync(Cluster().Rig, Cluster().Pool);

    [Fact, Phase(4)]
    public Task Every_node_then_leaves_cleanly_and_leaves_no_container() =>
        LeaveCleanlyAsync(Cluster().Rig);

    [Fact]
    public async Task A_rolling_restart_of_both_graders_loses_no_task()
    {
        var lite = SharedDataset.RequireLiteCsv();
        SamplePool.EnsureImage();
        using var dir = new TempDir();
        var pool = ClusterPool.Build(dir.Path, sampleRepeats: 2, lite);
        await using var rig = await ClusterRig.StartAsync(dir.Path);
        const string sweep = "rolling-restart";
        await rig.SubmitAsync(pool, sweep);
        await rig.WaitForAsync(sweep, s => s.Graded >= 30, SweepTimeout, "30 results");

        foreach (var id in rig.GraderIds.ToList())
        {
            var before = await rig.TryStatusAsync(sweep);
            Assert.Equal(0, await rig.Graders[id].TerminateAsync(TimeSpan.FromMinutes(2)));
            Assert.Empty(DockerFixture.ContainersOfNode(id));
            Log($"{id} left gracefully at {before?.Graded}/{before?.Total}; restarting it");
            await rig.StartGraderAsync(id);
        }

        var end = await rig.WaitFinishedAsync(sweep, SweepTimeout);
        await AssertTotalsAsync(rig, sweep, pool, end);
        Log($"rolling restart: graded more than once: {rig.GradedMoreThanOnce(sweep)}");
        await LeaveCleanlyAsync(rig);
    }

    private static async Task GraderLossAsync(ClusterRig rig, ClusterPool pool)
    {
        const string sweep = "grader-loss";
        await rig.SubmitAsync(pool, sweep);
        // The victim is a grader that holds containers, so there are orphans to reap. Which one that is depends on where
        // sharding put the first shards (the grader whose region registered first may get most of them).
        string? busy = null;
        await rig.WaitForAsync(sweep, s => s.Graded >= 30 && (busy = rig.GraderIds.FirstOrDefault(id => DockerFixture.ContainersOfNode(id).Length > 0)) is not null,
            SweepTimeout, "30 results with a grader holding containers");
        var victim = busy!;
        var orphans = DockerFixture.ContainersOfNode(victim);
        var atKill = (await rig.TryStatusAsync(sweep))!;
        var clock = Stopwatch.StartNew();
        rig.Graders[victim].Kill();

        var coordinatorLog = Path.Combine(rig.Folder, "coordinator.log");
        while (!ReadShared(coordinatorLog).Contains("after a grader node was lost", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the coordinator never noticed the lost grader:\n" + rig.Diagnostics());
            await Task.Delay(200);
        }

        var resentAfter = clock.Elapsed;
        await rig.StartGraderAsync(victim);
        Assert.All(orphans, id => Assert.DoesNotContain(id, DockerFixture.ContainersOfNode(victim)));

        var end = await rig.WaitFinishedAsync(sweep, SweepTimeout);
        Assert.True(atKill.Graded < atKill.Total, "the grader must die mid-sweep");
        await AssertTotalsAsync(rig, sweep, pool, end);
        var twice = rig.GradedMoreThanOnce(sweep);
        Log($"grader loss: killed {victim} at {atKill.Graded}/{atKill.Total} with {atKill.InFlight} in flight and {orphans.Length} containers; " +
            $"its work was resent {resentAfter.TotalSeconds:0.0} s later; {orphans.Length} orphans reaped on restart; graded more than once: {twice}");
        Assert.True(twice <= atKill.InFlight, $"{twice} attempts were graded twice, but only {atKill.InFlight} were in flight");
    }

    private static async Task CoordinatorLossAsync(ClusterRig rig, ClusterPool pool)
    {
        const string sweep = "coordinator-loss";
        await rig.SubmitAsync(pool, sweep);
        var atKill = await rig.WaitForAsync(sweep, s => s.Graded >= 30, SweepTimeout, "30 results");
        rig.Coordinator!.Kill();
        // As Kubernetes restarts a crashed pod: a few seconds later, at the same address, with a new incarnation.
        await Task.Delay(TimeSpan.FromSeconds(8));

        var clock = Stopwatch.StartNew();
        await rig.StartCoordinatorAsync();
        var moving = await rig.WaitForAsync(sweep, s => s.Graded > atKill.Graded, SweepTimeout, "progress after the restart");
        var recovery = clock.Elapsed;
        var end = await rig.WaitFinishedAsync(sweep, SweepTimeout);
        Assert.True(atKill.Graded < atKill.Total, "the coordinator must die mid-sweep");
        await AssertTotalsAsync(rig, sweep, pool, end);
        var twice = rig.GradedMoreThanOnce(sweep);
        Log($"coordinator loss: killed at {atKill.Graded}/{atKill.Total} with {atKill.InFlight} in flight; restarted, recovered and grading again " +
            $"{recovery.TotalSeconds:0.0} s later (at {moving.Graded}); graded more than once: {twice}");
        // Only what was in flight when it died may be graded again (its answers went to the dead coordinator).
        Assert.True(twice <= atKill.InFlight, $"{twice} attempts were graded twice, but only {atKill.InFlight} were in flight");
    }

    private static async Task DatabaseOutageAsync(ClusterRig rig, ClusterPool pool)
    {
        const string sweep = "database-outage";
        await rig.SubmitAsync(pool, sweep);
        var atStop = await rig.WaitForAsync(sweep, s => s.Graded >= 30, SweepTimeout, "30 results");
        PostgresServer.Stop();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
        }
        finally
        {
            PostgresServer.Start();
        }

        var clock = Stopwatch.StartNew();
        var moving = await rig.WaitForAsync(sweep, s => s.Graded > atStop.Graded && s.State != "recovering", SweepTimeout, "progress after the outage");
        var recovery = clock.Elapsed;
        var end = await rig.WaitFinishedAsync(sweep, SweepTimeout);
        Assert.True(atStop.Graded < atStop.Total, "the database must go away mid-sweep");
        await AssertTotalsAsync(rig, sweep, pool, end);
        Log($"database outage: PostgreSQL stopped for 15 s at {atStop.Graded}/{atStop.Total}; grading again {recovery.TotalSeconds:0.0} s after it came back " +
            $"(at {moving.Graded}); graded more than once: {rig.GradedMoreThanOnce(sweep)}");
    }

    /// <summary>Graceful leave of every grader: each exits 0 and leaves no container behind.</summary>
    private static async Task LeaveCleanlyAsync(ClusterRig rig)
    {
        foreach (var (id, grader) in rig.Graders)
        {
            Assert.Equal(0, await grader.TerminateAsync(TimeSpan.FromMinutes(2)));
            Assert.Empty(DockerFixture.ContainersOfNode(id));
        }

        Assert.Equal(0, await rig.Coordinator!.TerminateAsync(TimeSpan.FromMinutes(1)));
    }

    private static async Task AssertTotalsAsync(ClusterRig rig, string sweep, ClusterPool pool, SweepStatus end)
    {
        var expected = (pool.Tasks, pool.Tasks, pool.Passed, pool.Tasks - pool.Passed, 0, pool.EarnedUsd, pool.AvailableUsd);
        var actual = (end.LedgerTasks, end.LedgerGraded, end.Passed, end.Failed, end.SystemErrors, end.EarnedUsd, end.AvailableUsd);
        if (expected != actual)
            Assert.Fail($"sweep {sweep}: (tasks, graded, passed, failed, system errors, earned, available) expected {expected}, " +
                $"ended {actual}\n{await rig.UnpassedIcRowsAsync(sweep)}");
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
            return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private static void Log(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}
