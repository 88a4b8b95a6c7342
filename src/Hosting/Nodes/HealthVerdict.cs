using Akka.Cluster;

namespace SweLancer.Hosting.Nodes;

/// <summary>
/// What the Kubernetes probes mean, as plain decisions: a node is live while its actor system answers, and ready while it
/// is an Up member of the cluster and (on a node with a journal) its persistence is reachable.
/// </summary>
public static class HealthVerdict
{
    /// <summary>Null when ready, else why not.</summary>
    public static string? Ready(MemberStatus? self, bool systemTerminated, string? persistenceProblem)
    {
        if (systemTerminated)
            return "the actor system has terminated";
        if (self != MemberStatus.Up)
            return self is null ? "not a member of the cluster" : $"cluster member status is {self}, not Up";
        return persistenceProblem is null ? null : $"persistence is not reachable: {persistenceProblem}";
    }

    /// <summary>Null when live, else why not: the actor system must answer within the probe's patience.</summary>
    public static string? Live(bool systemTerminated, bool answered, TimeSpan patience) =>
        systemTerminated ? "the actor system has terminated"
        : answered ? null
        : $"the actor system did not answer within {patience.TotalSeconds:0.#} s";

    /// <summary>The port of SWELANCER_HEALTH_PORT, null when unset; a bad value is an error that names the variable.</summary>
    public static int? Port(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        if (int.TryParse(raw.Trim(), out var port) && port is >= 1 and <= 65535)
            return port;
        throw new ArgumentException($"environment variable {HealthEndpoint.PortVariable}='{raw}' is not a port from 1 to 65535.");
    }
}
