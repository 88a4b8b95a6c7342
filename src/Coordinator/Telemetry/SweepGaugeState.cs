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

    // One view per collection: every instrument of a scrape reads the same figures, also while the ledger grows by a
    // whole batch between two instruments' callbacks.
    private volatile GaugeView? _view;

    // The figures so far, and the results they were made from: a collection folds only what the ledger added since.
    private readonly Lock _gate = new();
    private GrowingLedgerFold? _fold;
    private FoldedResults? _foldedFrom;

    /// <summary>
    /// Takes a new view when the ledger has grown since the last: called by the first instrument of each collection
    /// (<see cref="CoordinatorMetrics"/> registers it first); the others read <see cref="View"/>.
    /// </summary>
    public GaugeView Refresh()
    {
        lock (_gate)
        {
            var (ledger, plan) = (Ledger, Plan);
            // A restarted ledger projection publishes new results from its snapshot, and a plan may come after them.
            if (_fold is null || !ReferenceEquals(ledger, _foldedFrom) || _fold.HasPlan != plan is not null)
                (_fold, _foldedFrom, _view) = (new GrowingLedgerFold(SweepId, plan), ledger, null);
            var added = ledger?.Since(_fold.Count) ?? [];
            if (_view is { } current && added.Count == 0)
                return current;
            _fold.AddAll(added);
            var view = new GaugeView(_fold.AttemptsByOutcome(), _fold.Summary);
            _view = view;
            return view;
        }
    }

    /// <summary>The view of the current collection.</summary>
    public GaugeView View => _view ?? Refresh();

    /// <summary>Results persisted but not yet folded by the ledger, when both run here.</summary>
    public int? LedgerLag => Ledger is { } ledger && _persisted >= 0 ? Math.Max(0, _persisted - ledger.Count) : null;

    public void Observe(int inFlight, int queued, int persisted)
    {
        _inFlight = inFlight;
        _queued = queued;
        _persisted = persisted;
    }
}
