using SweLancer.Coordinator.Api;
using SweLancer.GraderNode.Hosting;
using SweLancer.Hosting.Cluster;
using SweLancer.Hosting.Logging;
using SweLancer.Hosting.Nodes;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Everything a coordinator process is started with.</summary>
/// <param name="LogPath">Akka's log: a file, or "-" for standard output.</param>
/// <param name="MetricsPort">Prometheus scrape port; null leaves it to SWELANCER_METRICS_PORT / OTEL_* (off by default).</param>
/// <param name="Grader">The grader role's settings when this node grades too (--roles coordinator,grader); null otherwise.</param>
public sealed record CoordinatorSettings(
    NodeSettings Node, DatabaseTarget Db, ApiSettings Api, string LogPath, TimeSpan JoinTimeout, int? MetricsPort = null, GraderSettings? Grader = null)
{
    public CoordinatorRoles Roles => new(Grader is not null);
}
