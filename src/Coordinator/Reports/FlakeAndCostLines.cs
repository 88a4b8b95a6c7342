using System.Globalization;
using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Reports;

/// <summary>What the CLI prints after the ledger table about flaky tasks and cost, a line each.</summary>
public static class FlakeAndCostLines
{
    public static IReadOnlyList<string> Of(FlakeReport flakes, SweepCost cost)
    {
        var lines = new List<string>();
        if (flakes.Tasks.Count > 0)
        {
            lines.Add($"flaky tasks: {flakes.Tasks.Count}, {Money.Display(flakes.FlakyUsd)} earned rests on them");
            lines.AddRange(flakes.Tasks.Select(t => $"  {t.QuestionId} ({t.Variant}, {Money.Display(t.PriceUsd)}): {Runs(t)}"));
        }

        var total = cost.Total;
        lines.Add($"cost: {Seconds(total.ContainerSeconds)} container, {Seconds(total.BrowserSeconds)} browser, {Seconds(total.WallSeconds)} wall (attempts summed){Rate(total)}");
        lines.AddRange(cost.ByVariant.Select(v => $"  {v.Key}: {Seconds(v.Value.ContainerSeconds)} container, {Seconds(v.Value.BrowserSeconds)} browser, {Seconds(v.Value.WallSeconds)} wall{Rate(v.Value)}"));
        return lines;
    }

    /// <summary><c>attempt 1: failed passed; attempt 2: passed</c>.</summary>
    private static string Runs(FlakyTask task) =>
        string.Join("; ", task.Attempts.Select(a => $"attempt {a.Attempt}: {string.Join(' ', a.Runs.Select(r => OutcomeNames.Of(r.Outcome)))}"));

    private static string Seconds(double seconds) => seconds.ToString("#,0.#", CultureInfo.InvariantCulture) + " s";

    private static string Rate(CostFigures figures) =>
        figures.UsdPerContainerHour is { } rate ? $", {Money.Display(rate)} per container-hour" : "";
}
