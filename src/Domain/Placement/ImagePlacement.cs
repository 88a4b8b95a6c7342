namespace SweLancer.Domain.Placement;

/// <summary>
/// Picks the grader node for one attempt under a <see cref="PlacementPolicy"/>. The hashes are stable (FNV-1a over the
/// UTF-16 text), so a run is repeatable; in the cluster the two hash policies are sharding keyed by attempt or by image.
/// </summary>
public static class ImagePlacement
{
    public static int Choose(PlacementPolicy policy, string attemptKey, string? image, IReadOnlyList<NodeSchedule> nodes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(nodes.Count);
        return policy switch
        {
            PlacementPolicy.HashByAttempt => Bucket(attemptKey, nodes.Count),
            PlacementPolicy.KeyByImage => Bucket(image ?? attemptKey, nodes.Count),
            PlacementPolicy.EarliestFinish => EarliestFinish(image, nodes),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
        };
    }

    /// <summary>The node that finishes the attempt first (a holder of the image wins a tie, then the lower index).</summary>
    public static int EarliestFinish(string? image, IReadOnlyList<NodeSchedule> nodes)
    {
        var best = -1;
        var bestFinish = double.MaxValue;
        var bestHolds = false;
        for (var i = 0; i < nodes.Count; i++)
        {
            var finish = nodes[i].EstimateFinish(image);
            var holds = image is not null && nodes[i].Holds(image);
            if (finish < bestFinish - 1e-9 || (Math.Abs(finish - bestFinish) <= 1e-9 && holds && !bestHolds))
                (best, bestFinish, bestHolds) = (i, finish, holds);
        }

        return best;
    }

    public static int Bucket(string key, int buckets)
    {
        var hash = 2166136261u;
        foreach (var c in key)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)buckets);
    }
}
