namespace SweLancer.Domain.Placement;

/// <summary>
/// The predicted timeline of one grader node: when each of its slots frees, when its one pull lane frees, and which
/// images it holds (<see cref="ImageLru"/>) and from when. An attempt takes the earliest free slot and holds it while its
/// image is pulled (one pull at a time per node, as a 14 GB pull fills a node's link and disk), then for the hold time.
/// Times are seconds from the start.
/// </summary>
public sealed class NodeSchedule
{
    private readonly double[] _slotFree;
    private readonly double _hold;
    private readonly double _pullCost;
    private readonly ImageLru _images;
    private readonly Dictionary<string, double> _readyAt = new(StringComparer.Ordinal);
    private double _pullLaneFree;

    public NodeSchedule(int slots, double holdSeconds, double pullSeconds, int imageCache)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _slotFree = new double[slots];
        _hold = holdSeconds;
        _pullCost = pullSeconds;
        _images = new ImageLru(imageCache);
    }

    public int Attempts { get; private set; }

    public int Pulls { get; private set; }

    /// <summary>When the last attempt given to this node finishes.</summary>
    public double LastFinish { get; private set; }

    public bool Holds(string image) => _images.Contains(image);

    /// <summary>When an attempt of <paramref name="image"/> given now would finish here; changes nothing.</summary>
    public double EstimateFinish(string? image) => Plan(image, EarliestSlot()).Finish;

    /// <summary>Gives this node the attempt; returns when it finishes.</summary>
    public double Commit(string? image)
    {
        var slot = EarliestSlot();
        var (finish, pullStart) = Plan(image, slot);
        if (image is not null && _pullCost > 0)
        {
            if (!_images.Touch(image, out var evicted) || !_readyAt.ContainsKey(image))
            {
                Pulls++;
                _pullLaneFree = pullStart + _pullCost;
                _readyAt[image] = _pullLaneFree;
            }

            if (evicted is not null)
                _readyAt.Remove(evicted);
        }

        _slotFree[slot] = finish;
        Attempts++;
        LastFinish = Math.Max(LastFinish, finish);
        return finish;
    }

    private int EarliestSlot()
    {
        var best = 0;
        for (var i = 1; i < _slotFree.Length; i++)
            if (_slotFree[i] < _slotFree[best])
                best = i;
        return best;
    }

    private (double Finish, double PullStart) Plan(string? image, int slot)
    {
        var start = _slotFree[slot];
        if (image is null || _pullCost <= 0)
            return (start + _hold, start);
        if (_images.Contains(image) && _readyAt.TryGetValue(image, out var ready))
            return (Math.Max(start, ready) + _hold, start);
        var pullStart = Math.Max(start, _pullLaneFree);
        return (pullStart + _pullCost + _hold, pullStart);
    }
}
