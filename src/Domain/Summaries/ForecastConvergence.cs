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

        // Each task's place in the decided order, and how the forecast sees it before and after: a point then only
        // picks one of the two per task (this runs on every task of the sweep, for every point).
        var rank = decided.Select((d, i) => (d.Task.QuestionId, i)).ToDictionary(x => x.QuestionId, x => x.i);
        var undecidedRank = decided.Count;
        var ranks = tasks.Select(t => rank.GetValueOrDefault(t.QuestionId, undecidedRank)).ToArray();
        var before = tasks.Select(t => new EarningsForecast.Outlook(t.Variant, t.PriceUsd, null)).ToArray();
        var after = tasks.Select(t => new EarningsForecast.Outlook(t.Variant, t.PriceUsd, t.Verdict == GradeOutcome.Passed)).ToArray();
        return Enumerable.Range(1, Math.Min(points, decided.Count))
            .Select(k => (int)Math.Ceiling((double)k * decided.Count / Math.Min(points, decided.Count)))
            .Distinct()
            .Select(count =>
            {
                var outlooks = new EarningsForecast.Outlook[tasks.Count];
                for (var i = 0; i < outlooks.Length; i++)
                    outlooks[i] = ranks[i] < count ? after[i] : before[i];
                var forecast = EarningsForecast.From(outlooks)!;
                return new ForecastPoint(decided[count - 1].At, count, forecast.EstimateUsd, forecast.IntervalUsd);
            })
            .ToList();
    }
}
