using Akka.Actor;
using SweLancer.GraderNode.Bench;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.GraderNode.Sharding;

namespace SweLancer.GraderNode.Hosting;

/// <summary>
/// The grader role's part of a node: its container and browser pools (prepared before the node joins, so orphans are
/// reaped first), then the grading region and node status over them. Disposing removes the node's containers.
/// With the test-only <see cref="GraderSettings.BenchHold"/> there are no pools: ic_swe attempts go to <see cref="HoldTaskRunner"/>.
/// </summary>
public sealed class GraderRoleHost : IAsyncDisposable
{
    private readonly string _nodeId;
    private readonly IcRunnerSetup? _ic;
    private readonly ITaskRunner _runner;

    private GraderRoleHost(string nodeId, IcRunnerSetup? ic, ITaskRunner runner)
    {
        _nodeId = nodeId;
        _ic = ic;
        _runner = runner;
    }

    public static async Task<GraderRoleHost> PrepareAsync(GraderSettings settings, CancellationToken cancellation)
    {
        if (settings.BenchHold is { } hold)
        {
            Console.WriteLine($"grader {settings.NodeId}: BENCHMARK hold runner: ic_swe attempts hold one of {hold.Slots} slots for {hold.Hold.TotalMilliseconds} ms "
                + $"(pull cost {hold.PullCost.TotalMilliseconds} ms, image cache {hold.ImageCache}); nothing is graded for real");
            return new GraderRoleHost(settings.NodeId, null, new HoldTaskRunner(settings.NodeId, hold));
        }

        var ic = await IcRunnerSetup.StartAsync(settings.NodeId, settings.ContainerSlots, settings.ArtefactsDir, settings.Protocol, settings.Runs,
            settings.ContainerUser, cancellation);
        return new GraderRoleHost(settings.NodeId, ic, ic.Runner);
    }

    /// <summary>Why ic_swe tasks cannot be graded on this node (no Docker engine, ...), or null.</summary>
    public string? Problem => _ic?.Problem;

    /// <summary>Hosts grading entities on this node; returns the grading region.</summary>
    public IActorRef Start(ActorSystem system)
    {
        var grader = new TaskGrader([_runner]);
        var region = GraderRegion.Start(system, grader);
        Status.NodeStatusHost.Start(system, _nodeId, grader);
        return region;
    }

    public ValueTask DisposeAsync() => _ic?.DisposeAsync() ?? ValueTask.CompletedTask;
}
