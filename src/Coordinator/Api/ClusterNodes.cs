using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using SweLancer.Messages.Nodes;
using SweLancer.Messages.Sharding;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// Reads the cluster's members from this node's cluster state and asks each up grader for its status, all at once and
/// each with a short timeout, so a slow or lost node shows as such and never holds the request. The sharding coordinator is
/// asked at the same time which grading regions it has registered, since only those are given work.
/// </summary>
public sealed class ClusterNodes(ActorSystem system)
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<NodeView>> ListAsync(CancellationToken cancellation)
    {
        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.UniqueAddress).ToHashSet();
        var members = state.Members.Select(m => (m.Address, Info: new ClusterMemberInfo(
            m.Address.ToString(),
            m.Roles.Order(StringComparer.Ordinal).ToList(),
            Snake(m.Status),
            !unreachable.Contains(m.UniqueAddress),
            m.UniqueAddress.Equals(cluster.SelfUniqueAddress))));

        var placed = PlacedShardsAsync(cancellation);
        var answers = await Task.WhenAll(members.Select(async m => (m.Info, Answer: NodeListing.ShouldAsk(m.Info) ? await AskAsync(m.Address, cancellation) : null)));
        var shards = await placed;
        var views = answers.Select(a => NodeListing.View(a.Info, a.Answer, shards, AskTimeout));
        return NodeListing.Order(views);
    }

    private async Task<NodeStatus?> AskAsync(Address address, CancellationToken cancellation)
    {
        try
        {
            return await system.ActorSelection(address + GetNodeStatus.Path).Ask<NodeStatus>(GetNodeStatus.Instance, AskTimeout, cancellation);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Shards per registered grading region, by node address; null when the sharding coordinator is not known or slow.</summary>
    private async Task<IReadOnlyDictionary<string, int>?> PlacedShardsAsync(CancellationToken cancellation)
    {
        try
        {
            var region = ClusterSharding.Get(system).ShardRegion(GradingShards.TypeName);
            var stats = await region.Ask<ClusterShardingStats>(new GetClusterShardingStats(AskTimeout / 2), AskTimeout, cancellation);
            return stats.Regions.Count == 0 ? null : stats.Regions.ToDictionary(r => r.Key.ToString(), r => r.Value.Stats.Count);
        }
        catch (Exception ex) when (ex is AskTimeoutException or ArgumentException)
        {
            return null;
        }
    }

    private static string Snake(MemberStatus status) => status switch
    {
        MemberStatus.WeaklyUp => "weakly_up",
        _ => status.ToString().ToLowerInvariant(),
    };
}
