using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.DistributedData;
using SweLancer.Hosting.Logging;
using SweLancer.Hosting.Nodes;
using SweLancer.Hosting.Remoting;

namespace SweLancer.Hosting.Cluster;

/// <summary>Starts an ActorSystem as a cluster member and waits until it is Up.</summary>
public static class ClusterActorSystem
{
    public static async Task<ActorSystem> StartAsync(NodeSettings node, IEnumerable<string> roles, Config extra, string logPath,
        TimeSpan joinTimeout, string logLevel = "INFO", CancellationToken cancellation = default)
    {
        FileLogger.Path = logPath;
        if (node.Tls is not null)
            node = node with { SeedNodes = node.SeedNodes.Select(RemotingTls.SeedFor).ToList() };
        // The sharding, singleton and distributed-data defaults (serializers included) must be known from the start:
        // otherwise a peer's sharding message that arrives before the extension loads is dropped as undeserializable.
        var config = ClusterHocon.For(node, roles, logLevel).WithFallback(node.Tls is null ? Config.Empty : RemotingTls.Hocon).WithFallback(extra)
            .WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(ClusterSingleton.DefaultConfig())
            .WithFallback(DistributedData.DefaultConfig());
        var setup = BootstrapSetup.Create().WithConfig(config);
        var system = node.Tls is null
            ? ActorSystem.Create(NodeSettings.SystemName, setup)
            : ActorSystem.Create(NodeSettings.SystemName, setup.And(node.Tls.Setup()));

        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (node.SeedNodes.Count == 0)
            await cluster.JoinAsync(cluster.SelfAddress, cancellation);

        try
        {
            await up.Task.WaitAsync(joinTimeout, cancellation);
        }
        catch (TimeoutException)
        {
            await system.Terminate();
            throw new ClusterJoinException(
                $"this node did not join the cluster within {joinTimeout.TotalSeconds:0} s; no seed node answered of: {string.Join(", ", node.SeedNodes)}");
        }

        return system;
    }
}
