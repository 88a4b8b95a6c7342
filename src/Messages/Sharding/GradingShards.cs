using Akka.Actor;
using Akka.Cluster.Sharding;

namespace SweLancer.Messages.Sharding;

/// <summary>
/// The sharding contract between the two roles: the grading entities' type name, the role that hosts them, the shard
/// count and the message extractor. The grader role starts the region with it; the coordinator reaches it through a proxy.
/// </summary>
public static class GradingShards
{
    public const string TypeName = "grading";
    public const string Role = "grader";
    public const int MaxShards = 100;

    /// <summary>Keyed as <see cref="ShardKeys.Variable"/> says (by attempt unless set), read once per process.</summary>
    public static IMessageExtractor Extractor { get; } = new GradeTaskMessageExtractor(MaxShards, ShardKeys.FromEnvironment());

    /// <summary>On a node without the grader role: routes to the grading entities on the grader nodes.</summary>
    public static IActorRef StartProxy(ActorSystem system) =>
        ClusterSharding.Get(system).StartProxy(TypeName, Role, Extractor);
}
