using System.Net;

namespace SweLancer.Coordinator.Cli;

/// <summary>The coordinator answered with a 4xx/5xx; the message is its reason.</summary>
public sealed class CoordinatorRefusedException(string message, HttpStatusCode status) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
