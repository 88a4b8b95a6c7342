using Akka.Actor;
using Akka.Cluster;
using SweLancer.Messages.Nodes;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// Reads the cluster's members from this node's cluster state and asks each up grader for its status, all at once and
/// each with a short timeout, so a slow or lost node shows as such and never holds the request.
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

        var views = await Task.WhenAll(members.Select(async m =>
            NodeListing.View(m.Info, NodeListing.ShouldAsk(m.Info) ? await AskAsync(m.Address, cancellation) : null, AskTimeout)));
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

    private static string Snake(MemberStatus status) => status switch
    {
        MemberStatus.WeaklyUp => "weakly_up",
        _ => status.ToString().ToLowerInvariant(),
    };
}
