using Akka.Actor;
using Akka.Configuration;
using SweLancer.Hosting.Nodes;
using SweLancer.Hosting.Cluster;
using SweLancer.Hosting.Telemetry;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Sharding;

namespace SweLancer.GraderNode.Hosting;

/// <summary>
/// A grader node: joins the cluster with the grader role, hosts grading entities with this node's container and browser
/// pools, and on SIGTERM leaves gracefully (sharding hands its entities off once their attempt is answered) before it
/// removes its containers and exits.
/// </summary>
public static class GraderService
{
    public static async Task<int> RunAsync(GraderSettings settings, CancellationToken stop)
    {
        using var telemetry = TelemetrySdk.Start(settings.NodeId, settings.MetricsPort);
        if (telemetry.PrometheusUrl is { } metrics)
            Console.WriteLine($"grader {settings.NodeId}: metrics at {metrics}");
        await using var role = await GraderRoleHost.PrepareAsync(settings, stop);
        if (role.Problem is { } problem)
            Console.WriteLine($"warning: ic_swe tasks cannot be graded on this node: {problem}");
        var system = await ClusterActorSystem.StartAsync(settings.Node, [GradingShards.Role],
            ConfigurationFactory.ParseString(SerializationConfig.Hocon), settings.LogPath, settings.JoinTimeout, cancellation: stop);
        role.Start(system);
        await using var health = await HealthEndpoint.StartAsync(system, persistence: null, stop);
        Console.WriteLine($"grader {settings.NodeId} is up at {Akka.Cluster.Cluster.Get(system).SelfAddress}");

        var stopped = Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        if (await Task.WhenAny(stopped, system.WhenTerminated) == stopped)
        {
            Console.WriteLine($"grader {settings.NodeId}: leaving the cluster");
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        }
        else
        {
            Console.WriteLine($"grader {settings.NodeId}: the cluster removed this node; exiting");
        }

        await system.WhenTerminated;
        Console.WriteLine($"grader {settings.NodeId}: stopped; removing its containers");
        return 0;
    }
}
