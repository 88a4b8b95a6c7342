namespace SweLancer.Domain.Placement;

/// <summary>How an attempt is given a grader node, in <see cref="ImagePlacement"/> and <see cref="PlacementSimulation"/>.</summary>
public enum PlacementPolicy
{
    /// <summary>A hash of the attempt's key: Akka sharding's default (shards keyed by entity id), ignoring images.</summary>
    HashByAttempt,

    /// <summary>A hash of the attempt's image: every attempt of an image on one node (shards keyed by image).</summary>
    KeyByImage,

    /// <summary>The node that would finish the attempt first, counting its queue and a pull when it lacks the image;
    /// a node holding the image wins a tie. Needs each node's state at dispatch: a coordinator-side router.</summary>
    EarliestFinish,
}
