using System.Diagnostics;
using System.Globalization;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// A grader is cut off from the rest of a loopback cluster mid-sweep (iptables, see <see cref="LoopbackPartition"/>)
/// for longer than detection plus --down-after-seconds (5 here): the coordinator sees it unreachable, the split brain
/// resolver removes it, the isolated grader downs itself and exits, and its in-flight work is resent to the other
/// grader. The network is healed and the grader restarted as a pod would be; it rejoins, and the sweep ends with the
/// undisturbed ledger.
/// </summary>
public sealed class GraderPartitionedSpec
{
    [Fact]
    public async Task A_grader_partitioned_and_healed_mid_sweep_leaves_the_undisturbed_ledger()
    {
        SamplePool.EnsureImage();
        using var dir = new TempDir();
        var pool = ClusterPool.Build(dir.Path, sampleRepeats: 1, liteCsv: null);
        await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 1, slotsPerGrader: 2);
        var peers = rig.RemotingPorts.ToList();
        var port = FreePort.Next();
        var id = $"it-partitioned-{Guid.NewGuid().ToString("N")[..6]}";
        var seeds = string.Join(',', peers.Append(port).Select(p => $"akka.tcp://swelancer@127.0.0.1:{p}"));
        string[] Args(string log) =>
        [
            "--seed-nodes", seeds, "--port", port.ToString(CultureInfo.InvariantCulture), "--node-id", id, "--container-slots", "2",
            "--artefacts", Path.Combine(dir.Path, "artefacts", id), "--log", Path.Combine(dir.Path, log), "--down-after-seconds", "5",
        ];
        using var partition = new LoopbackPartition(40_000 + Random.Shared.Next(10_000), port, peers);
        NodeProcess? restarted = null;
        var grader = NodeProcess.StartUnder(partition.Launcher, id, ClusterRig.GraderDll, null, Args("partitioned.log"));
        try
        {
            await grader.WaitForOutputAsync(" is up at ", TimeSpan.FromSeconds(90));
            await rig.WaitForGradingRegionAsync(port, TimeSpan.FromSeconds(60));
            await rig.SubmitAsync(pool, "partition");
            await WaitAsync(() => Task.FromResult(File.ReadAllText(Path.Combine(dir.Path, "partitioned.log")).Contains("] Grading partition ", StringComparison.Ordinal)),
                TimeSpan.FromMinutes(2), "the grader to be partitioned started grading");

            var clock = Stopwatch.StartNew();
            partition.Cut();
            await WaitAsync(async () => await MemberAsync(rig, port) is { Reachable: false }, TimeSpan.FromSeconds(60), "the coordinator to see the grader unreachable");
            var unreachableAfter = clock.Elapsed;
            await WaitAsync(async () => await MemberAsync(rig, port) is null, TimeSpan.FromSeconds(60), "the coordinator to remove the grader");
            var removedAfter = clock.Elapsed;
            await WaitAsync(() => Task.FromResult(grader.HasExited), TimeSpan.FromSeconds(60), "the isolated grader to down itself and exit");
            var exitedAfter = clock.Elapsed;
            partition.Heal();
            var healedAfter = clock.Elapsed;
            Assert.Contains("the cluster removed this node", grader.Output);

            restarted = NodeProcess.Start(id + "-restarted", ClusterRig.GraderDll, null, Args("restarted.log"));
            await restarted.WaitForOutputAsync(" is up at ", TimeSpan.FromSeconds(90));
            var rejoinedAfter = clock.Elapsed;
            var end = await rig.WaitFinishedAsync("partition", TimeSpan.FromMinutes(8));

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"cut at 0 s: unreachable at {unreachableAfter.TotalSeconds:0.0} s, removed at {removedAfter.TotalSeconds:0.0} s, the isolated grader exited at " +
                $"{exitedAfter.TotalSeconds:0.0} s, healed at {healedAfter.TotalSeconds:0.0} s, restarted and rejoined at {rejoinedAfter.TotalSeconds:0.0} s; " +
                $"ledger {end.Passed}/{end.LedgerTasks} passed, ${end.EarnedUsd:N0}");
            Assert.Equal((pool.Tasks, pool.Tasks), (end.LedgerTasks, end.LedgerGraded));
            Assert.Equal((pool.Passed, pool.Tasks - pool.Passed, 0), (end.Passed, end.Failed, end.SystemErrors));
            Assert.Equal((pool.EarnedUsd, pool.AvailableUsd), (end.EarnedUsd, end.AvailableUsd));
        }
        finally
        {
            partition.Heal();
            restarted?.Dispose();
            grader.Dispose();
            foreach (var container in DockerFixture.ContainersOfNode(id))
                DockerFixture.Docker("rm", "-f", "-v", container);
        }
    }

    private sealed record Member(string Address, bool Reachable);

    /// <summary>The member listening on <paramref name="port"/> as the coordinator sees it, or null when it is not a member.</summary>
    private static async Task<Member?> MemberAsync(ClusterRig rig, int port)
    {
        try
        {
            return await rig.NodeAsync(port) is { } node
                ? new Member(node.GetProperty("address").GetString()!, node.GetProperty("reachable").GetBoolean())
                : null;
        }
        catch (HttpRequestException)
        {
            return new Member("?", true); // no answer is no evidence either way
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}");
            await Task.Delay(250);
        }
    }
}
