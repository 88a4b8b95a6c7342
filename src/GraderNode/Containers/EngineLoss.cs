using System.Net.Sockets;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// Failures that mean the Docker engine could not be reached or did not answer (restarting, stopped, hung), as opposed
/// to the engine answering with an error: the socket refused or closed, or a call outlived its own time limit.
/// </summary>
public static class EngineLoss
{
    public static bool Is(Exception ex, CancellationToken callerCancellation) =>
        ex is HttpRequestException or IOException or SocketException or TimeoutException
        || (ex is OperationCanceledException && !callerCancellation.IsCancellationRequested);
}
