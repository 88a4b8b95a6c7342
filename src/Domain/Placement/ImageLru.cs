namespace SweLancer.Domain.Placement;

/// <summary>
/// The images a node holds on disk, at most <c>capacity</c>, least recently used removed first: a grader's image store as
/// the test-only hold runner and <see cref="PlacementSimulation"/> model it. Not thread-safe; the caller locks.
/// </summary>
public sealed class ImageLru(int capacity)
{
    private readonly LinkedList<string> _order = new();
    private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);

    public int Count => _nodes.Count;

    public bool Contains(string image) => _nodes.ContainsKey(image);

    /// <summary>Marks <paramref name="image"/> as just used. Returns true when it was held already (no pull); otherwise
    /// it is added and <paramref name="evicted"/> names the image removed to make room, if any.</summary>
    public bool Touch(string image, out string? evicted)
    {
        evicted = null;
        if (_nodes.TryGetValue(image, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            return true;
        }

        _nodes[image] = _order.AddFirst(image);
        if (_nodes.Count > capacity)
        {
            evicted = _order.Last!.Value;
            _order.RemoveLast();
            _nodes.Remove(evicted);
        }

        return false;
    }
}
