using Akka.Actor;
using Akka.Cluster.Sharding;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Nodes;
using SweLancer.Messages.Sharding;

namespace SweLancer.GraderNode.Status;

/// <summary>
/// Answers <see cref="GetNodeStatus"/> at <see cref="GetNodeStatus.Path"/> on every grader node, so the coordinator can show
/// per-node pool use. Counts the node's grading entities from its shard region; if that does not answer quickly the
/// count is left out rather than delaying the answer.
/// </summary>
public sealed class NodeStatusActor : ReceiveActor
{
    private static readonly TimeSpan RegionTimeout = TimeSpan.FromSeconds(1);

    public NodeStatusActor(string nodeId, TaskGrader grader)
    {
        ReceiveAsync<GetNodeStatus>(async _ =>
        {
            var replyTo = Sender;
            var entities = await CountEntitiesAsync();
            replyTo.Tell(NodeStatusProbe.Read(nodeId, grader, entities, DateTimeOffset.UtcNow));
        });
    }

    private async Task<int?> CountEntitiesAsync()
    {
        try
        {
            var region = ClusterSharding.Get(Context.System).ShardRegion(GradingShards.TypeName);
            var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, RegionTimeout);
            return state.Shards.Sum(s => s.EntityIds.Count);
        }
        catch (Exception ex) when (ex is AskTimeoutException or ArgumentException)
        {
            return null;
        }
    }
}
