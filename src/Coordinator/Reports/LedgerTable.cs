using Spectre.Console;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Reports;

/// <summary>The earnings ledger as a console table: one row per variant and a total.</summary>
public static class LedgerTable
{
    public static Table Of(LedgerSummary summary)
    {
        var table = new Table().Title($"Earnings ledger, sweep {Markup.Escape(summary.SweepId)}")
            .AddColumn("variant").AddColumn(new TableColumn("tasks").RightAligned())
            .AddColumn(new TableColumn("passed").RightAligned()).AddColumn(new TableColumn("earned").RightAligned());

        foreach (var (variant, v) in summary.ByVariant)
            table.AddRow(Markup.Escape(variant), v.Tasks.ToString(), v.Passed.ToString(), Money.Display(v.EarnedUsd));

        table.AddEmptyRow();
        table.AddRow("[bold]total[/]", summary.Tasks.ToString(), summary.Passed.ToString(),
            $"[bold]{Money.Display(summary.EarnedUsd)}[/] of {Money.Display(summary.AvailableUsd)}");
        table.Caption($"graded {summary.Graded}/{summary.Tasks} tasks: {summary.Passed} passed, {summary.Failed} failed, {summary.SystemErrors} system errors");
        return table;
    }

    /// <summary>What the attempts say beyond the sum, a line each: the earned interval, then pass@k and earnings@k.</summary>
    public static IReadOnlyList<string> EstimateLines(AttemptEstimates estimates)
    {
        if (estimates.ByK.Count == 0)
            return [];
        var (earned, pass) = (estimates.EarnedUsdInterval, estimates.PassAt1Interval);
        return
        [
            $"earned, 95 % interval: {Money.Display((decimal)earned.Low)} to {Money.Display((decimal)earned.High)}",
            $"pass@1 {estimates.ByK[0].PassRate:0.###} (95 % interval {pass.Low:0.###} to {pass.High:0.###})",
            .. estimates.ByK.Select(f => $"pass@{f.K} {f.PassRate:0.###} ({f.PassRateInterval.Low:0.###} to {f.PassRateInterval.High:0.###}), " +
                $"earnings@{f.K} {Money.Display(f.EarnedUsd)} ({Money.Display((decimal)f.EarnedUsdInterval.Low)} to {Money.Display((decimal)f.EarnedUsdInterval.High)})"),
        ];
    }
}
