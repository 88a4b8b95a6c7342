using SweLancer.Coordinator.Registry;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Api;

/// <summary>One sweep as the API shows it: its state, its progress in attempts, and its ledger counted per task.</summary>
/// <param name="State">running, finished, cancelled, recovering (its actors are restarting, e.g. during a database outage) or failed.</param>
public sealed record SweepView(
    string SweepId,
    string State,
    string? Problem,
    DateTimeOffset SubmittedAt,
    SweepProgress? Progress,
    LedgerSummary? Ledger,
    SweepTiming? Timing = null)
{
    /// <param name="ledger">The sweep's ledger, when it has a plan and its ledger projection answered.</param>
    public static SweepView Of(RegisteredSweep sweep, SweepProgress? progress, LiveLedger? ledger)
    {
        var summary = ledger?.Summary;
        var ledgerComplete = ledger is not null && ledger.Count >= ledger.Plan.Count;
        var state = sweep.Problem is not null ? "failed"
            : sweep.Cancelled ? "cancelled"
            : progress is null ? "recovering"
            : progress.IsFinished && ledgerComplete ? "finished"
            : "running";
        return new SweepView(sweep.SweepId, state, sweep.Problem, sweep.Submitted.SubmittedAt, progress, summary,
            ledger?.Timing);
    }
}
