using SweLancer.Coordinator.Ledger;
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
    public static SweepView Of(RegisteredSweep sweep, SweepProgress? progress, LedgerView? ledger)
    {
        var planned = sweep.Planned;
        var summary = planned is not null && ledger is not null ? LedgerSummary.Of(sweep.SweepId, planned, ledger.Entries) : null;
        var ledgerComplete = planned is not null && ledger is not null && ledger.Entries.Count >= planned.Count;
        var state = sweep.Problem is not null ? "failed"
            : sweep.Cancelled ? "cancelled"
            : progress is null ? "recovering"
            : progress.IsFinished && ledgerComplete ? "finished"
            : "running";
        return new SweepView(sweep.SweepId, state, sweep.Problem, sweep.Submitted.SubmittedAt, progress, summary,
            ledger is null || summary is null ? null : SweepTiming.Of([.. ledger.Entries], summary.Graded));
    }
}
