namespace SweLancer.Messages.Nodes;

/// <summary>Asks a grader node's status actor (at <see cref="Path"/>) how its pools are used; answered with a NodeStatus.</summary>
public sealed record GetNodeStatus : ISweLancerMessage
{
    /// <summary>Where every grader node runs its status actor, so the coordinator can find it from a member's address.</summary>
    public const string Path = "/user/node-status";

    public static readonly GetNodeStatus Instance = new();
}
