using Akka.Actor;
using SweLancer.Coordinator.Sweeps;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Sharding;
using SweLancer.GraderNode.Hosting;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Sharding;
using SweLancer.Hosting.Cluster;
using SweLancer.Hosting.Logging;
using SweLancer.Hosting.Nodes;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Both roles in one process on one ActorSystem: the default a newcomer gets.</summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private EmbeddedCluster(ActorSystem system, IActorRef graders)
    {
        System = system;
        Graders = graders;
    }

    public ActorSystem System { get; }

    public IActorRef Graders { get; }

    public static async Task<EmbeddedCluster> StartAsync(DatabaseTarget db, TaskGrader grader, string logPath, string logLevel = "INFO")
    {
        var system = await CoordinatorNode.StartAsync(NodeSettings.Embedded, [CoordinatorNode.Role, GradingShards.Role], db, logPath,
            TimeSpan.FromSeconds(30), logLevel);
        var region = GraderRegion.Start(system, grader);
        GraderNode.Status.NodeStatusHost.Start(system, "embedded", grader);
        return new EmbeddedCluster(system, region);
    }

    /// <summary>Starts a sweep and its ledger projection, each under a backoff supervisor so a journal outage only restarts them.</summary>
    public (IActorRef Sweep, IActorRef Ledger) StartSweep(SweepPlan plan, DispatchPolicy policy)
    {
        return (SweepActors.StartSweep(System, plan, Graders, policy), SweepActors.StartLedger(System, plan.SweepId));
    }

    public async ValueTask DisposeAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);
    }
}
