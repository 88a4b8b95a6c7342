using SweLancer.Messages.Nodes;
using SweLancer.Messages.Sharding;

namespace SweLancer.Coordinator.Api;

/// <summary>The decisions behind GET /api/nodes, apart from the asking: whom to ask, and how an answer (or none) reads.</summary>
public static class NodeListing
{
    /// <summary>Only a reachable, up grader is asked: asking any other would only wait for the timeout.</summary>
    public static bool ShouldAsk(ClusterMemberInfo member) =>
        member.Reachable && member.Status is "up" or "weakly_up" && member.Roles.Contains(GradingShards.Role);

    /// <param name="placedShards">Shards per registered grading region, keyed by node address; null when not known.</param>
    public static NodeView View(ClusterMemberInfo member, NodeStatus? answer, IReadOnlyDictionary<string, int>? placedShards, TimeSpan timeout)
    {
        string? problem = null;
        if (member.Roles.Contains(GradingShards.Role) && answer is null)
        {
            problem = !member.Reachable ? "unreachable"
                : ShouldAsk(member) ? $"no answer within {timeout.TotalSeconds:0.#} s"
                : $"not up ({member.Status})";
        }

        int? shards = placedShards is not null && placedShards.TryGetValue(member.Address, out var count) ? count : null;
        return new NodeView(member.Address, member.Roles, member.Status, member.Reachable, member.Self, answer, shards, problem);
    }

    /// <summary>This coordinator first, then by address, so rows keep their place between refreshes.</summary>
    public static IReadOnlyList<NodeView> Order(IEnumerable<NodeView> nodes) =>
        nodes.OrderByDescending(n => n.Self).ThenBy(n => n.Address, StringComparer.Ordinal).ToList();
}
