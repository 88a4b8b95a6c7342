using SweLancer.Messages.Nodes;

namespace SweLancer.Coordinator.Api;

/// <summary>A cluster member as GET /api/nodes shows it: its membership and, for a grader, what its pools are doing.</summary>
/// <param name="Grader">The grader node's own status, or null when it is not a grader or did not answer (see <see cref="Problem"/>).</param>
/// <param name="GradingShards">Shards the sharding coordinator has placed on this node's grading region; null when its
/// region is not registered there (a grader that just joined takes no new work until it is) or the stats did not come in time.</param>
/// <param name="Problem">Why there is no grader status: unreachable, not up yet, or no answer in time.</param>
public sealed record NodeView(
    string Address,
    IReadOnlyList<string> Roles,
    string Status,
    bool Reachable,
    bool Self,
    NodeStatus? Grader,
    int? GradingShards,
    string? Problem);
