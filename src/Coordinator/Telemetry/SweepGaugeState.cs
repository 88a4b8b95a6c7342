using SweLancer.Coordinator.Ledger;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>
/// What the metrics callbacks read about one sweep in this process: written by the sweep actor and the ledger
/// projection, read on the exporter's thread. Values stay after the sweep ends, so a last scrape sees the final state.
/// </summary>
public sealed class SweepGaugeState(string sweepId)
{
    private volatile int _inFlight;
    private volatile int _queued;
    private volatile int _persisted = -1;

    public string SweepId { get; } = sweepId;

    public int InFlight => _inFlight;

    public int Queued => _queued;

    /// <summary>Results the sweep has persisted, or -1 when no sweep actor ran here.</summary>
    public int Persisted => _persisted;

    /// <summary>Sum of task prices by variant, each question once (set by the sweep).</summary>
    public IReadOnlyDictionary<string, decimal>? AvailableUsd { get; set; }

    /// <summary>The ledger projection's totals, when it runs in this process.</summary>
    public LedgerTotals? Ledger { get; set; }

    /// <summary>Results persisted but not yet folded by the ledger, when both run here.</summary>
    public int? LedgerLag => Ledger is { } ledger && _persisted >= 0 ? Math.Max(0, _persisted - ledger.Count) : null;

    public void Observe(int inFlight, int queued, int persisted)
    {
        _inFlight = inFlight;
        _queued = queued;
        _persisted = persisted;
    }
}
