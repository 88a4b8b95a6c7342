using Akka.Actor;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.GraderNode.Sharding;

namespace SweLancer.GraderNode.Hosting;

/// <summary>
/// The grader role's part of a node: its container and browser pools (prepared before the node joins, so orphans are
/// reaped first), then the grading region and node status over them. Disposing removes the node's containers.
/// </summary>
public sealed class GraderRoleHost : IAsyncDisposable
{
    private readonly string _nodeId;
    private readonly IcRunnerSetup _ic;

    private GraderRoleHost(string nodeId, IcRunnerSetup ic)
    {
        _nodeId = nodeId;
        _ic = ic;
    }

    public static async Task<GraderRoleHost> PrepareAsync(GraderSettings settings, CancellationToken cancellation)
    {
        var ic = await IcRunnerSetup.StartAsync(settings.NodeId, settings.ContainerSlots, settings.ArtefactsDir, settings.Protocol, settings.Runs, cancellation);
        return new GraderRoleHost(settings.NodeId, ic);
    }

    /// <summary>Why ic_swe tasks cannot be graded on this node (no Docker engine, ...), or null.</summary>
    public string? Problem => _ic.Problem;

    /// <summary>Hosts grading entities on this node; returns the grading region.</summary>
    public IActorRef Start(ActorSystem system)
    {
        var grader = new TaskGrader([_ic.Runner]);
        var region = GraderRegion.Start(system, grader);
        Status.NodeStatusHost.Start(system, _nodeId, grader);
        return region;
    }

    public ValueTask DisposeAsync() => _ic.DisposeAsync();
}
