using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Sweeps;

/// <summary>
/// A sweep's progress for the live displays: attempts graded and in flight, and the tasks' figures from the one per-task
/// fold (<see cref="LedgerSummary"/>), so the live dollars are the ledger's dollars.
/// </summary>
/// <param name="Total">Planned attempts.</param>
/// <param name="Graded">Attempts graded.</param>
/// <param name="TasksGraded">Tasks decided (passed, failed or system error).</param>
public sealed record SweepProgress(
    string SweepId,
    int Total,
    int Graded,
    int InFlight,
    int Tasks,
    int TasksGraded,
    int Passed,
    int Failed,
    int SystemErrors,
    decimal EarnedUsd,
    decimal AvailableUsd)
{
    public bool IsFinished => Total > 0 && Graded == Total;

    public static SweepProgress Of(LedgerSummary summary, int inFlight) =>
        new(summary.SweepId, summary.Attempts, summary.AttemptsGraded, inFlight, summary.Tasks, summary.Graded,
            summary.Passed, summary.Failed, summary.SystemErrors, summary.EarnedUsd, summary.AvailableUsd);
}
