using Akka.Actor;
using Akka.Cluster.Sharding;
using SweLancer.GraderNode.Grading;

namespace SweLancer.GraderNode.Sharding;

/// <summary>Starts the grader shard region on nodes with the grader role.</summary>
public static class GraderRegion
{
    public const string TypeName = "grading";
    public const string Role = "grader";
    public const int MaxShards = 100;

    public static IActorRef Start(ActorSystem system, TaskGrader grader) =>
        ClusterSharding.Get(system).Start(
            TypeName,
            _ => GradingEntity.Props(grader),
            ClusterShardingSettings.Create(system).WithRole(Role),
            new GradeTaskMessageExtractor(MaxShards));

    /// <summary>On a coordinator without the grader role: routes to the entities on the grader nodes.</summary>
    public static IActorRef StartProxy(ActorSystem system) =>
        ClusterSharding.Get(system).StartProxy(TypeName, Role, new GradeTaskMessageExtractor(MaxShards));
}
