using Akka.Actor;
using SweLancer.GraderNode.Hosting;
using SweLancer.Messages.Sharding;

namespace SweLancer.Coordinator.Embedded;

/// <summary>
/// The grader role inside a coordinator process, or its absence. The Embedded folder is the one place where the
/// coordinator uses the grader role; everything else reaches grading only through the sharding contract.
/// </summary>
public sealed class EmbeddedGrader : IAsyncDisposable
{
    private readonly GraderRoleHost? _role;

    private EmbeddedGrader(GraderRoleHost? role) => _role = role;

    /// <summary>Why ic_swe tasks cannot be graded here (no Docker engine, ...), or null.</summary>
    public string? Problem => _role?.Problem;

    /// <summary>
    /// Prepares the grader role's container and browser pools (reaping a predecessor's orphans) before the node joins;
    /// without <paramref name="grading"/> the node does not grade.
    /// </summary>
    public static async Task<EmbeddedGrader> PrepareAsync(EmbeddedGrading? grading, CancellationToken cancellation) =>
        new(grading is null ? null : await GraderRoleHost.PrepareAsync(grading.Settings, cancellation));

    /// <summary>The grading region hosted here, or a proxy to the one on the grader nodes.</summary>
    public IActorRef Start(ActorSystem system) => _role?.Start(system) ?? GradingShards.StartProxy(system);

    public ValueTask DisposeAsync() => _role?.DisposeAsync() ?? ValueTask.CompletedTask;
}
