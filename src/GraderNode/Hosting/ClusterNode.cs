using Akka.Actor;
using Akka.Configuration;

namespace SweLancer.GraderNode.Hosting;

/// <summary>Starts an ActorSystem as a cluster member and waits until it is Up.</summary>
public static class ClusterNode
{
    public static async Task<ActorSystem> StartAsync(NodeSettings node, IEnumerable<string> roles, Config extra, string logPath,
        TimeSpan joinTimeout, string logLevel = "INFO", CancellationToken cancellation = default)
    {
        FileLogger.Path = logPath;
        var config = ClusterHocon.For(node, roles, logLevel).WithFallback(extra);
        var system = ActorSystem.Create(NodeSettings.SystemName, config);

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
