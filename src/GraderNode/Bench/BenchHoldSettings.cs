namespace SweLancer.GraderNode.Bench;

/// <summary>
/// The test-only hold runner's settings (<c>--bench-hold-runner</c>): every ic_swe attempt holds one of the node's
/// slots for <paramref name="Hold"/> and passes, with no container. For benchmarks of the cluster's dispatch, never a
/// production default: it is off unless the flag is given.
/// </summary>
/// <param name="Slots">Attempts held at once on this node (the node's --container-slots).</param>
/// <param name="PullCost">Extra time the first attempt of an image on this node waits, standing in for pulling it.</param>
/// <param name="ImageCache">Images this node keeps (least recently used go first); evicted ones are pulled again.</param>
public sealed record BenchHoldSettings(TimeSpan Hold, int Slots, TimeSpan PullCost, int ImageCache)
{
    public const int DefaultImageCache = 1_000_000;
}
