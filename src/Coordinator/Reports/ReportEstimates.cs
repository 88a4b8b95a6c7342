using System.Globalization;
using System.Net;
using System.Text;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using static SweLancer.Coordinator.Reports.ReportFormat;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// report.html's "how sure" sections: the 95 % intervals, pass@k and earnings@k (overall and by variant), and how the
/// live estimate of the final earnings converged while the sweep ran.
/// </summary>
public static class ReportEstimates
{
    public static void Append(StringBuilder html, SweepReport report)
    {
        var estimates = report.Estimates;
        var (earned, pass) = (estimates.EarnedUsdInterval, estimates.PassAt1Interval);
        html.Append($"""
            <section id="estimates">
            <h2>How sure</h2>
            <p>Earned, 95 % interval: <span id="earned-ci" data-low="{Usd(earned.Low)}" data-high="{Usd(earned.High)}">{E(Money.Display((decimal)earned.Low))} to {E(Money.Display((decimal)earned.High))}</span>.
            pass@1 <span id="pass-at-1" data-value="{Rate(estimates.ByK.FirstOrDefault()?.PassRate ?? 0)}">{Rate(estimates.ByK.FirstOrDefault()?.PassRate ?? 0)}</span>,
            95 % interval <span id="pass-at-1-ci" data-low="{Rate(pass.Low)}" data-high="{Rate(pass.High)}">{Rate(pass.Low)} to {Rate(pass.High)}</span>.</p>
            <p class="hint">Bootstraps over tasks (1,000 resamples, fixed seed): how much the figures would move on another
            sample of tasks like these. Attempts that ended in a system error (ours) are left out of pass@k.</p>
            <table id="pass-at-k">
            <thead><tr><th>variant</th><th>k</th><th>pass@k</th><th>95 % interval</th><th>earnings@k</th><th>95 % interval</th></tr></thead>
            <tbody>

            """);
        foreach (var (variant, byK) in estimates.ByVariant.Prepend(new("all", estimates.ByK)))
        {
            foreach (var f in byK)
                html.Append($"""<tr data-variant="{E(variant)}" data-k="{f.K}"><td>{E(variant)}</td><td>{f.K}</td><td data-field="pass" data-value="{Rate(f.PassRate)}">{Rate(f.PassRate)}</td>{RateRange("pass-ci", f.PassRateInterval)}<td data-field="earned" data-usd="{Money.Text(f.EarnedUsd)}">{E(Money.Display(f.EarnedUsd))}</td>{UsdRange("earned-ci", f.EarnedUsdInterval)}</tr>""").Append('\n');
        }

        html.Append("""
            </tbody>
            </table>
            </section>

            <section id="convergence">
            <h2>How the estimate converged</h2>
            <p class="hint">The live estimate of the final earnings (the status page's), recomputed as each share of the
            tasks was decided: undecided tasks expected at their variant and price band's pass rate, with a 95 % interval.</p>
            <table>
            <thead><tr><th>at</th><th>tasks decided</th><th>estimate</th><th>95 % interval</th></tr></thead>
            <tbody>

            """);
        foreach (var point in report.Convergence)
            html.Append($"""<tr data-decided="{point.Decided}"><td>{E(Instant(point.At))}</td><td>{Count(point.Decided)}</td><td data-field="estimate" data-usd="{Money.Text(point.EstimateUsd)}">{E(Money.Display(point.EstimateUsd))}</td><td data-field="interval" data-low="{Usd(point.IntervalUsd.Low)}" data-high="{Usd(point.IntervalUsd.High)}">{E(Money.Display((decimal)point.IntervalUsd.Low))} to {E(Money.Display((decimal)point.IntervalUsd.High))}</td></tr>""").Append('\n');
        html.Append("""
            </tbody>
            </table>
            </section>

            """);
    }

    private static string RateRange(string field, Interval interval) =>
        $"""<td data-field="{field}" data-low="{Rate(interval.Low)}" data-high="{Rate(interval.High)}">{Rate(interval.Low)} to {Rate(interval.High)}</td>""";

    private static string UsdRange(string field, Interval interval) =>
        $"""<td data-field="{field}" data-low="{Usd(interval.Low)}" data-high="{Usd(interval.High)}">{E(Money.Display((decimal)interval.Low))} to {E(Money.Display((decimal)interval.High))}</td>""";

    private static string Rate(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Usd(double value) => Money.Text((decimal)value);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
