using SweLancer.Coordinator.Ledger;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// One sweep's ledger as the API reads it: taken from the ledger projection a tail at a time
/// (<see cref="GetLedgerSince"/>), grouped per task and counted as it comes (<see cref="GrowingTaskResults"/>,
/// <see cref="GrowingLedgerFold"/>, as the metrics count it), and each figure made at most once per ledger size. A status page polling a finished sweep then costs nothing, and polling a running one
/// costs the results added since, plus the per-task figures it shows; not a copy and a regrouping of the whole ledger.
/// Read from the API's request threads, so every member takes the lock.
/// </summary>
public sealed class LiveLedger(string sweepId, IReadOnlyList<PlannedItem> plan)
{
    private readonly Lock _gate = new();
    private Guid _incarnation = Guid.Empty;
    private GrowingTaskResults _tasks = new(plan);
    private GrowingLedgerFold _fold = new(sweepId, plan);
    private EarningsForecaster? _forecaster; // the plan's tasks in their strata: the same for every incarnation
    private int _count;
    private DateTimeOffset _firstStarted = DateTimeOffset.MaxValue;
    private DateTimeOffset _lastFinished = DateTimeOffset.MinValue;
    private LedgerSummary? _summary;
    private SweepTimeline? _timeline;
    private SweepEstimates? _estimates;

    public IReadOnlyList<PlannedItem> Plan { get; } = plan;

    /// <summary>What to ask the ledger projection next: the results after those folded here.</summary>
    public GetLedgerSince NextQuestion
    {
        get { lock (_gate) return new GetLedgerSince(_incarnation, _count); }
    }

    /// <summary>Results folded so far, every one the ledger holds (planned or not), as its own count.</summary>
    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Folds the results of <paramref name="tail"/> not folded yet.</summary>
    public void Fold(LedgerTail tail)
    {
        lock (_gate)
        {
            if (tail.Incarnation != _incarnation)
            {
                if (tail.Start != 0)
                    return; // answers a question asked of another incarnation; the next one starts over
                (_incarnation, _tasks, _fold, _count) = (tail.Incarnation, new GrowingTaskResults(Plan), new GrowingLedgerFold(sweepId, Plan), 0);
                (_firstStarted, _lastFinished) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
                Changed();
            }

            // Two requests at once may ask from the same place: their answers overlap, and the overlap is folded once.
            var from = _count - tail.Start;
            if (from < 0 || from >= tail.Entries.Count)
                return;
            var added = from == 0 ? tail.Entries : tail.Entries.Skip(from).ToList();
            foreach (var result in added)
            {
                _tasks.Add(result);
                if (result.StartedAt < _firstStarted)
                    _firstStarted = result.StartedAt;
                if (result.FinishedAt > _lastFinished)
                    _lastFinished = result.FinishedAt;
            }

            _fold.AddAll(added);
            _count += added.Count;
            Changed();
        }
    }

    public LedgerSummary Summary
    {
        get { lock (_gate) return _summary ??= _fold.Summary!; }
    }

    public SweepTiming Timing
    {
        get
        {
            lock (_gate)
                return _count == 0 ? SweepTiming.None : SweepTiming.Of(_firstStarted, _lastFinished, _count, Summary.Graded);
        }
    }

    public SweepTimeline Timeline
    {
        get { lock (_gate) return _timeline ??= SweepTimeline.Of(Tasks); }
    }

    public SweepEstimates Estimates
    {
        get { lock (_gate) return _estimates ??= SweepEstimates.Of(Tasks, _forecaster ??= new EarningsForecaster(Tasks)); }
    }

    private IReadOnlyList<TaskResult> Tasks => _tasks.Tasks;

    private void Changed() => (_summary, _timeline, _estimates) = (null, null, null);
}
