using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Domain.Summaries;

/// <summary>The live estimate as it stood once <paramref name="Decided"/> tasks were decided.</summary>
public sealed record ForecastPoint(DateTimeOffset At, int Decided, decimal EstimateUsd, Interval IntervalUsd);

/// <summary>
/// How the live estimate (<see cref="EarningsForecast"/>) converged: the tasks in the order they were decided, and the
/// estimate recomputed at evenly spaced counts of them, as the status page would have shown it then.
/// </summary>
public static class ForecastConvergence
{
    public const int DefaultPoints = 12;

    public static IReadOnlyList<ForecastPoint> Of(IReadOnlyList<TaskResult> tasks, int points = DefaultPoints)
    {
        var decided = tasks.Where(t => t.Verdict is not null)
            .Select(t => (Task: t, At: t.EarnedAt ?? t.Attempts.Max(a => a.FinishedAt)))
            .OrderBy(d => d.At)
            .ToList();
        if (decided.Count == 0)
            return [];

        // Each task's place in the decided order, and its verdict: a point is then one pass over arrays per task
        // (this runs on every task of the sweep, for every point), with the tasks placed in their strata once.
        var rank = decided.Select((d, i) => (d.Task.QuestionId, i)).ToDictionary(x => x.QuestionId, x => x.i);
        var undecidedRank = decided.Count;
        var ranks = tasks.Select(t => rank.GetValueOrDefault(t.QuestionId, undecidedRank)).ToArray();
        var verdicts = tasks.Select(t => (bool?)(t.Verdict == GradeOutcome.Passed)).ToArray();
        var strata = ForecastStrata.Of([.. tasks.Select(t => (t.Variant, t.PriceUsd))]);
        return Enumerable.Range(1, Math.Min(points, decided.Count))
            .Select(k => (int)Math.Ceiling((double)k * decided.Count / Math.Min(points, decided.Count)))
            .Distinct()
            .Select(count =>
            {
                var passed = new bool?[tasks.Count];
                for (var i = 0; i < passed.Length; i++)
                    passed[i] = ranks[i] < count ? verdicts[i] : null;
                var forecast = strata.Forecast(passed)!;
                return new ForecastPoint(decided[count - 1].At, count, forecast.EstimateUsd, forecast.IntervalUsd);
            })
            .ToList();
    }
}
