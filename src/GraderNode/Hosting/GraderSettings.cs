using SweLancer.GraderNode.Bench;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Protocol;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode.Hosting;

/// <summary>Everything a grader node process is started with.</summary>
/// <param name="NodeId">Labels this node's containers; a node restarted with the same id removes its predecessor's orphans.</param>
/// <param name="ContainerSlots">Containers alive at once; null picks one per core (at most one per GiB).</param>
/// <param name="LogPath">Akka's log: a file, or "-" for standard output.</param>
/// <param name="Protocol">How SWE-Lancer IC tasks are graded here; null takes the defaults.</param>
/// <param name="Runs">How many test runs an attempt gets (--confirm-runs, --rerun-failures); null takes the defaults.</param>
/// <param name="BenchHold">Test-only: grade ic_swe attempts with <see cref="HoldTaskRunner"/> instead of containers (--bench-hold-runner).</param>
/// <param name="ContainerUser">Who the app and its tests run as in the pool's containers (--container-user); null is nobody.</param>
/// <param name="MetricsPort">Prometheus scrape port; null leaves it to SWELANCER_METRICS_PORT / OTEL_* (off by default).</param>
public sealed record GraderSettings(
    NodeSettings Node, string NodeId, int? ContainerSlots, string ArtefactsDir, string LogPath, TimeSpan JoinTimeout, int? MetricsPort = null, ProtocolSettings? Protocol = null,
    TestRunSettings? Runs = null, BenchHoldSettings? BenchHold = null, string? ContainerUser = null);
