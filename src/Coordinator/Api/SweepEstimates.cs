using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// What the status page shows beside the sums (GET /api/sweeps/{id}/estimates): the live estimate of the final earnings
/// (null until a task is decided) and the bootstrap intervals with pass@k and earnings@k, all from the one per-task fold.
/// </summary>
public sealed record SweepEstimates(EarningsForecast? Forecast, AttemptEstimates Attempts)
{
    public static SweepEstimates Of(IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results)
    {
        var tasks = TaskResult.Of(plan, results);
        return Of(tasks, new EarningsForecaster(tasks));
    }

    /// <param name="forecaster">Made once for the plan's tasks, when the estimates are made again as they grade.</param>
    public static SweepEstimates Of(IReadOnlyList<TaskResult> tasks, EarningsForecaster forecaster) =>
        new(forecaster.Forecast(tasks), AttemptEstimates.Of(tasks));
}
