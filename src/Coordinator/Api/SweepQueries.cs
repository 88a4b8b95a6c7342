using System.Collections.Concurrent;
using Akka.Actor;
using SweLancer.Coordinator.Ledger;
using SweLancer.Coordinator.Registry;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Api;

/// <summary>Reads sweeps for the API from the registry and each sweep's actors; a restarting actor shows as missing data.</summary>
public sealed class SweepQueries(IActorRef registry)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    // Kept between requests, so that each folds only what the ledger added since the last.
    private readonly ConcurrentDictionary<string, LiveLedger> _liveLedgers = new(StringComparer.Ordinal);

    public IActorRef Registry { get; } = registry;

    public async Task<IReadOnlyList<RegisteredSweep>> ListAsync(CancellationToken cancellation) =>
        await Registry.Ask<List<RegisteredSweep>>(ListSweeps.Instance, AskTimeout, cancellation);

    public async Task<RegisteredSweep?> FindAsync(string sweepId, CancellationToken cancellation) =>
        (await ListAsync(cancellation)).FirstOrDefault(s => s.SweepId == sweepId);

    public async Task<SweepView> ViewAsync(RegisteredSweep sweep, CancellationToken cancellation)
    {
        var progress = sweep.Sweep is null ? null : await TryAskAsync<SweepProgress>(sweep.Sweep, GetSweepProgress.Instance, cancellation);
        var ledger = await LiveLedgerAsync(sweep, cancellation);
        if (progress is null && sweep.Cancelled && ledger is not null)
            progress = SweepProgress.Of(ledger.Summary, 0);
        return SweepView.Of(sweep, progress, ledger);
    }

    /// <summary>
    /// The sweep's ledger brought up to date with the results its projection folded since the last request; null
    /// without a plan, or while the projection does not answer (it recovers).
    /// </summary>
    public async Task<LiveLedger?> LiveLedgerAsync(RegisteredSweep sweep, CancellationToken cancellation)
    {
        if (sweep is not { Ledger: { } projection, Planned: { } planned })
            return null;
        var ledger = _liveLedgers.AddOrUpdate(sweep.SweepId, _ => new LiveLedger(sweep.SweepId, planned),
            (_, known) => ReferenceEquals(known.Plan, planned) ? known : new LiveLedger(sweep.SweepId, planned));
        if (await TryAskAsync<LedgerTail>(projection, ledger.NextQuestion, cancellation) is not { } tail)
            return null;
        ledger.Fold(tail);
        return ledger;
    }

    public Task<LedgerView?> LedgerAsync(RegisteredSweep sweep, CancellationToken cancellation) =>
        sweep.Ledger is null ? Task.FromResult<LedgerView?>(null) : TryAskAsync<LedgerView>(sweep.Ledger, GetLedger.Instance, cancellation);

    private static async Task<T?> TryAskAsync<T>(IActorRef actor, object question, CancellationToken cancellation) where T : class
    {
        try
        {
            return await actor.Ask<T>(question, AskTimeout, cancellation);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
