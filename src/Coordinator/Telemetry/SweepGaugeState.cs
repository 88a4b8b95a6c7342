using SweLancer.Domain.Ledger;
using SweLancer.Messages.Sweeps;

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

    /// <summary>The sweep's plan, when its sweep actor runs in this process.</summary>
    public IReadOnlyList<PlannedItem>? Plan { get; set; }

    /// <summary>The ledger projection's folded results, when it runs in this process.</summary>
    public FoldedResults? Ledger { get; set; }

    // Each collection calls Summary once per instrument; the fold is redone only when the ledger has grown.
    private volatile Tuple<int, LedgerSummary>? _summary;

    /// <summary>The plan and the folded results through the one per-task fold; null without a plan.</summary>
    public LedgerSummary? Summary()
    {
        if (Plan is not { } plan)
            return null;
        if (_summary is { } cached && cached.Item1 == (Ledger?.Count ?? 0))
            return cached.Item2;
        var results = Ledger?.Snapshot() ?? [];
        var summary = LedgerSummary.Of(SweepId, plan, results);
        _summary = Tuple.Create(results.Count, summary);
        return summary;
    }

    /// <summary>Results persisted but not yet folded by the ledger, when both run here.</summary>
    public int? LedgerLag => Ledger is { } ledger && _persisted >= 0 ? Math.Max(0, _persisted - ledger.Count) : null;

    public void Observe(int inFlight, int queued, int persisted)
    {
        _inFlight = inFlight;
        _queued = queued;
        _persisted = persisted;
    }
}
