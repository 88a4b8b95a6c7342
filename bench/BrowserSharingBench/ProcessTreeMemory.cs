namespace SweLancer.Bench;

/// <summary>
/// Peak resident memory of the process tree (<see cref="ProcessTree"/>), sampled every 200 ms while it is alive.
/// Shared pages count once per process, so the figure overstates what the tree holds: it compares the two sides, it
/// does not size a machine.
/// </summary>
public sealed class ProcessTreeMemory : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    private ProcessTreeMemory()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
    }

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public static ProcessTreeMemory Start() => new();

    private void Sample()
    {
        var total = ProcessTree.ResidentBytes();
        long seen;
        while (total > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, total, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
