using SweLancer.Coordinator.Api;
using SweLancer.Coordinator.Embedded;
using SweLancer.Hosting.Nodes;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Everything a coordinator process is started with.</summary>
/// <param name="LogPath">Akka's log: a file, or "-" for standard output.</param>
/// <param name="MetricsPort">Prometheus scrape port; null leaves it to SWELANCER_METRICS_PORT / OTEL_* (off by default).</param>
/// <param name="Grading">How this node grades when it has the grader role too (--roles coordinator,grader); null otherwise.</param>
public sealed record CoordinatorSettings(
    NodeSettings Node, DatabaseTarget Db, ApiSettings Api, string LogPath, TimeSpan JoinTimeout, int? MetricsPort = null, EmbeddedGrading? Grading = null)
{
    public CoordinatorRoles Roles => new(Grading is not null);
}
