using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Domain.Summaries;

/// <summary>
/// <see cref="EarningsForecast"/> made again and again for one plan's tasks as their verdicts come in: the tasks are
/// placed in their strata once, so a live page's forecast is a loop over the verdicts, not a regrouping of every task.
/// </summary>
public sealed class EarningsForecaster
{
    private readonly ForecastStrata _strata;
    private readonly int _tasks;

    /// <param name="tasks">The plan's tasks; only their variants and prices are read.</param>
    public EarningsForecaster(IReadOnlyList<TaskResult> tasks)
    {
        _strata = ForecastStrata.Of([.. tasks.Select(t => (t.Variant, t.PriceUsd))]);
        _tasks = tasks.Count;
    }

    /// <param name="tasks">The same tasks in the same order, with the results folded so far.</param>
    /// <returns>Null until a task is decided.</returns>
    public EarningsForecast? Forecast(IReadOnlyList<TaskResult> tasks)
    {
        if (tasks.Count != _tasks)
            throw new ArgumentException($"{tasks.Count} tasks for a forecaster of {_tasks}.", nameof(tasks));
        var passed = new bool?[tasks.Count];
        for (var i = 0; i < passed.Length; i++)
            passed[i] = tasks[i].Verdict is { } verdict ? verdict == GradeOutcome.Passed : null;
        return _strata.Forecast(passed);
    }
}
