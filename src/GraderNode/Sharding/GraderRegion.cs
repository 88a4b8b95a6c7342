using Akka.Actor;
using Akka.Cluster.Sharding;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Sharding;

namespace SweLancer.GraderNode.Sharding;

/// <summary>Starts the grading shard region, by the contract in <see cref="GradingShards"/>, on nodes with the grader role.</summary>
public static class GraderRegion
{
    public static IActorRef Start(ActorSystem system, TaskGrader grader)
    {
        var answers = new RecentAnswers();
        return ClusterSharding.Get(system).Start(
            GradingShards.TypeName,
            _ => GradingEntity.Props(grader, answers),
            ClusterShardingSettings.Create(system).WithRole(GradingShards.Role),
            GradingShards.Extractor);
    }
}
