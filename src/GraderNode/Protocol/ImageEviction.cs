namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// Which task images to remove so that the node's task images fit a disk budget before another is pulled: least
/// recently used first, never one in use, and never the one about to be pulled. Shared layers are counted once per
/// image (as the engine reports sizes), so the budget is conservative.
/// </summary>
public static class ImageEviction
{
    public sealed record Held(string Image, long Bytes, DateTimeOffset LastUsed, bool InUse);

    public static IReadOnlyList<string> Choose(IReadOnlyList<Held> held, long incomingBytes, long budgetBytes)
    {
        var total = held.Sum(h => h.Bytes) + incomingBytes;
        var evict = new List<string>();
        foreach (var candidate in held.Where(h => !h.InUse).OrderBy(h => h.LastUsed))
        {
            if (total <= budgetBytes)
                break;
            evict.Add(candidate.Image);
            total -= candidate.Bytes;
        }
        return evict;
    }
}
