using System.Diagnostics;
using Docker.DotNet;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Containers;

/// <summary>The one place that says which exceptions of a container runner are ours (system errors) and how they read.</summary>
public static class InfrastructureFailure
{
    /// <summary>True for the engine's, the network's and the file system's failures, and for a timeout nobody asked for.</summary>
    public static bool IsOurs(Exception ex, CancellationToken cancellation) =>
        ex is InfrastructureException or DockerApiException || EngineLoss.Is(ex, cancellation);

    public static GradeDecision Decide(Exception ex)
    {
        Activity.Current.RecordFailure(ex);
        return ex is InfrastructureException known
            ? GradeDecision.SystemError(known.Message, known.Retryable)
            : GradeDecision.SystemError($"grading infrastructure failed: {ex.GetType().Name}: {ContainerPool.Describe(ex)}", retryable: true);
    }
}
