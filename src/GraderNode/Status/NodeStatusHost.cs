using Akka.Actor;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Nodes;

namespace SweLancer.GraderNode.Status;

/// <summary>Starts a grader node's <see cref="NodeStatusActor"/> at the path the coordinator looks for.</summary>
public static class NodeStatusHost
{
    /// <summary>Call after the grader region is started: the actor counts its entities.</summary>
    public static IActorRef Start(ActorSystem system, string nodeId, TaskGrader grader) =>
        system.ActorOf(Props.Create(() => new NodeStatusActor(nodeId, grader)), GetNodeStatus.Path.Split('/').Last());
}
