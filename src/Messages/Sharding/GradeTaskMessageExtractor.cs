using Akka.Cluster.Sharding;
using SweLancer.Messages.Commands;

namespace SweLancer.Messages.Sharding;

/// <summary>Spreads grading entities over shards by (sweep, task, attempt).</summary>
public sealed class GradeTaskMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => message switch
    {
        GradeTask grade => grade.EntityId,
        _ => null,
    };
}
