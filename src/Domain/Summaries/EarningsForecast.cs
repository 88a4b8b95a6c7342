using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Summaries;

/// <summary>
/// A running sweep's final earnings estimated from the tasks decided so far. Tasks are stratified by variant and price
/// band; each undecided task is expected to pass at its stratum's rate (its variant's, then the sweep's, while its
/// stratum has none decided). The 95 % interval is a normal approximation that adds each undecided task's own chance to
/// the uncertainty of the rate it borrows, kept within what can still happen: between the dollars already earned and
/// those plus every undecided price. Analytic rather than resampled, so it is cheap enough to recompute on every poll.
/// </summary>
/// <param name="Decided">Tasks decided (passed, failed or system error).</param>
/// <param name="UndecidedUsd">The prices of the tasks not decided yet.</param>
public sealed record EarningsForecast(int Tasks, int Decided, decimal EarnedUsd, decimal UndecidedUsd, decimal EstimateUsd, Interval IntervalUsd)
{
    /// <summary>One task as the forecast sees it: null <paramref name="Passed"/> while it is undecided.</summary>
    public sealed record Outlook(string Variant, decimal PriceUsd, bool? Passed);

    /// <returns>Null until a task is decided: there is nothing to estimate from.</returns>
    public static EarningsForecast? Of(IReadOnlyList<TaskResult> tasks) => new EarningsForecaster(tasks).Forecast(tasks);

    public static EarningsForecast? From(IReadOnlyList<Outlook> tasks) =>
        ForecastStrata.Of([.. tasks.Select(t => (t.Variant, t.PriceUsd))]).Forecast(tasks.Select(t => t.Passed).ToArray());
}
