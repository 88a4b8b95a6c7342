using Akka.Actor;
using SweLancer.Coordinator.Ledger;
using SweLancer.Coordinator.Registry;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Api;

/// <summary>Reads sweeps for the API from the registry and each sweep's actors; a restarting actor shows as missing data.</summary>
public sealed class SweepQueries(IActorRef registry)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public IActorRef Registry { get; } = registry;

    public async Task<IReadOnlyList<RegisteredSweep>> ListAsync(CancellationToken cancellation) =>
        await Registry.Ask<List<RegisteredSweep>>(ListSweeps.Instance, AskTimeout, cancellation);

    public async Task<RegisteredSweep?> FindAsync(string sweepId, CancellationToken cancellation) =>
        (await ListAsync(cancellation)).FirstOrDefault(s => s.SweepId == sweepId);

    public async Task<SweepView> ViewAsync(RegisteredSweep sweep, CancellationToken cancellation)
    {
        var progress = sweep.Sweep is null ? null : await TryAskAsync<SweepProgress>(sweep.Sweep, GetSweepProgress.Instance, cancellation);
        var ledger = await LedgerAsync(sweep, cancellation);
        if (progress is null && sweep.Cancelled && sweep.Planned is { } planned && ledger is not null)
            progress = SweepProgress.Of(LedgerSummary.Of(sweep.SweepId, planned, ledger.Entries), 0);
        return SweepView.Of(sweep, progress, ledger);
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
