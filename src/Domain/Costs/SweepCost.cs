using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Costs;

/// <summary>
/// A sweep's cost, in total and per variant: container-, browser- and wall-seconds summed over the graded attempts, and
/// the dollars earned per container-hour. Earnings come from <see cref="TaskResult.EarnedUsd"/>, the ledger's one rule.
/// Attempts journaled before costs were recorded count 0 container- and browser-seconds.
/// </summary>
public sealed record SweepCost(CostFigures Total, IReadOnlyDictionary<string, CostFigures> ByVariant)
{
    public static SweepCost Of(IReadOnlyList<TaskResult> tasks)
    {
        var byVariant = new SortedDictionary<string, CostFigures>(StringComparer.Ordinal);
        foreach (var variant in tasks.GroupBy(t => t.Variant))
            byVariant[variant.Key] = Figures(variant.ToList());
        return new SweepCost(Figures(tasks), byVariant);
    }

    private static CostFigures Figures(IReadOnlyList<TaskResult> tasks)
    {
        var attempts = tasks.SelectMany(t => t.Attempts).ToList();
        var container = Math.Round(attempts.Sum(a => a.Cost?.ContainerSeconds ?? 0), 3);
        var browser = Math.Round(attempts.Sum(a => a.Cost?.BrowserSeconds ?? 0), 3);
        var wall = Math.Round(attempts.Sum(a => (a.FinishedAt - a.StartedAt).TotalSeconds), 3);
        var earned = tasks.Sum(t => t.EarnedUsd);
        return new CostFigures(container, browser, wall, earned, PerContainerHour(earned, container));
    }

    /// <summary>Earned dollars per hour of container time, to the cent; null without container time.</summary>
    public static decimal? PerContainerHour(decimal earnedUsd, double containerSeconds) =>
        containerSeconds > 0 ? decimal.Round(earnedUsd * 3600m / (decimal)containerSeconds, 2) : null;
}
