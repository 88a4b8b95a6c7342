using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Summaries;

/// <summary>
/// Everything report.html shows, computed from the plan and the ledger's results without an ActorSystem. Totals come
/// from <see cref="LedgerSummary"/>, so the page agrees with summary.json and results.csv.
/// </summary>
/// <param name="Problems">Failed and system-error attempts, in plan order.</param>
/// <param name="Estimates">pass@k, earnings@k and the bootstrap intervals.</param>
/// <param name="Convergence">How the live estimate of the final earnings converged as tasks were decided.</param>
/// <param name="Flakes">Tasks whose test runs disagree, and the dollars resting on them.</param>
/// <param name="Cost">Container-, browser- and wall-seconds, and dollars per container-hour.</param>
public sealed record SweepReport(
    LedgerSummary Summary,
    int PlannedAttempts,
    int GradedAttempts,
    IReadOnlyList<BandEarnings> Bands,
    IReadOnlyList<EarningsPoint> Earnings,
    DurationHistogram Durations,
    DateTimeOffset? FirstStarted,
    DateTimeOffset? LastFinished,
    IReadOnlyList<TaskGraded> Problems,
    AttemptEstimates Estimates,
    IReadOnlyList<ForecastPoint> Convergence,
    FlakeReport Flakes,
    SweepCost Cost)
{
    // The one per-task fold; a result given twice counts once there.
    public static SweepReport Of(string sweepId, IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results) =>
        OfTasks(sweepId, plan, TaskResult.Of(plan, results));

    /// <summary>From tasks already folded by <see cref="TaskResult.Of"/> over <paramref name="plan"/>.</summary>
    public static SweepReport OfTasks(string sweepId, IReadOnlyList<PlannedItem> plan, IReadOnlyList<TaskResult> tasks)
    {
        var graded = tasks.SelectMany(t => t.Attempts).ToList();
        // The two costliest folds (12 forecasts over every task; the bootstraps) run on the other core meanwhile.
        var convergence = Task.Run(() => ForecastConvergence.Of(tasks));
        var estimates = Task.Run(() => AttemptEstimates.Of(tasks));
        var order = plan.Select((item, i) => (item.QuestionId, item.Attempt, i)).ToDictionary(x => (x.QuestionId, x.Attempt), x => x.i);

        return new SweepReport(
            LedgerSummary.Of(sweepId, tasks),
            plan.Count,
            graded.Count,
            BandEarnings.Of(tasks),
            CumulativeEarnings.Of(tasks),
            DurationHistogram.Of(graded.Select(r => r.FinishedAt - r.StartedAt)),
            graded.Count == 0 ? null : graded.Min(r => r.StartedAt),
            graded.Count == 0 ? null : graded.Max(r => r.FinishedAt),
            graded.Where(r => r.Outcome != GradeOutcome.Passed).OrderBy(r => order[(r.QuestionId, r.Attempt)]).ToList(),
            estimates.GetAwaiter().GetResult(),
            convergence.GetAwaiter().GetResult(),
            FlakeReport.Of(tasks),
            SweepCost.Of(tasks));
    }
}
