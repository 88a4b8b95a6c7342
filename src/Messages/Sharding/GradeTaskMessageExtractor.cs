using Akka.Cluster.Sharding;
using SweLancer.Messages.Commands;

namespace SweLancer.Messages.Sharding;

/// <summary>Spreads grading entities over shards by (sweep, task, attempt), or by image under <see cref="ShardKeying.Image"/>.</summary>
public sealed class GradeTaskMessageExtractor(int maxShards, ShardKeying keying = ShardKeying.Attempt) : HashCodeMessageExtractor(maxShards)
{
    public ShardKeying Keying => keying;

    public override string? EntityId(object message) => message switch
    {
        GradeTask grade => grade.EntityId,
        _ => null,
    };

    // Sharding passes the message as the hint wherever it routes one (remember-entities, which has none, is off).
    public override string ShardId(string entityId, object? messageHint = null) =>
        keying == ShardKeying.Image && messageHint is GradeTask grade ? base.ShardId(ShardKeys.KeyOf(grade, keying), messageHint) : base.ShardId(entityId, messageHint);
}
