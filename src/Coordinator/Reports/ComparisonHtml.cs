using System.Globalization;
using System.Net;
using System.Text;
using SweLancer.Domain.Comparison;
using SweLancer.Domain.Summaries;
using static SweLancer.Coordinator.Reports.ReportFormat;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// A sweep comparison as one self-contained page, styled like report.html (inline CSS, no scripts). Key numbers carry
/// stable ids and data-* attributes with plain values, so tests and scripts can read them.
/// </summary>
public static class ComparisonHtml
{
    public static void Write(string path, SweepComparison c) =>
        File.WriteAllText(path, Render(c, DateTimeOffset.UtcNow), new UTF8Encoding(false));

    public static string Render(SweepComparison c, DateTimeOffset generatedAt)
    {
        var (a, b) = (E(c.A.SweepId), E(c.B.SweepId));
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sweep {b} against {a}: {E(Money.Signed(c.DifferenceUsd))}</title>
            <style>{ReportCss.Text}</style>
            </head>
            <body>
            <header>
            <h1>Sweep <span id="sweep-b">{b}</span> (B) against sweep <span id="sweep-a">{a}</span> (A)</h1>
            <p class="meta">written {E(Instant(generatedAt))}</p>
            </header>

            <section id="totals">
            <div class="headline">
            <div class="earned"><span id="difference-usd" data-usd="{Money.Text(c.DifferenceUsd)}">{E(Money.Signed(c.DifferenceUsd))}</span> B − A</div>
            <div class="of">95 % interval <span id="difference-usd-ci" data-low="{Num(c.DifferenceUsdInterval.Low)}" data-high="{Num(c.DifferenceUsdInterval.High)}">{E(Money.Signed((decimal)c.DifferenceUsdInterval.Low))} to {E(Money.Signed((decimal)c.DifferenceUsdInterval.High))}</span>,
            over <span id="shared-tasks" data-value="{c.Shared.Count}">{Count(c.Shared.Count)}</span> shared tasks worth <span id="available" data-usd="{Money.Text(c.AvailableUsd)}">{E(Money.Display(c.AvailableUsd))}</span></div>
            </div>
            <dl class="cards">
            <div class="pass"><dt>tasks won</dt><dd id="tasks-won" data-value="{c.Won.Count}">{Count(c.Won.Count)}</dd></div>
            <div class="pass"><dt>dollars gained</dt><dd id="gained-usd" data-usd="{Money.Text(c.GainedUsd)}">{E(Money.Display(c.GainedUsd))}</dd></div>
            <div class="fail"><dt>tasks lost</dt><dd id="tasks-lost" data-value="{c.Lost.Count}">{Count(c.Lost.Count)}</dd></div>
            <div class="fail"><dt>dollars lost</dt><dd id="lost-usd" data-usd="{Money.Text(c.LostUsd)}">{E(Money.Display(c.LostUsd))}</dd></div>
            </dl>
            <table class="numbers" id="sides"><thead><tr><th></th><th>A: {a}</th><th>B: {b}</th><th>B − A</th><th>95 % interval</th></tr></thead><tbody>
            <tr data-figure="passed"><td>passed</td><td data-value="{c.A.Passed}">{Count(c.A.Passed)}</td><td data-value="{c.B.Passed}">{Count(c.B.Passed)}</td><td>{(c.B.Passed - c.A.Passed).ToString("+0;-0;0", CultureInfo.InvariantCulture)}</td><td></td></tr>
            <tr data-figure="pass-rate"><td>pass rate</td><td data-value="{Num(c.A.PassRate)}">{Rate(c.A.PassRate)}</td><td data-value="{Num(c.B.PassRate)}">{Rate(c.B.PassRate)}</td><td id="pass-rate-difference" data-value="{Num(c.PassRateDifference)}">{SignedRate(c.PassRateDifference)}</td><td id="pass-rate-difference-ci" data-low="{Num(c.PassRateDifferenceInterval.Low)}" data-high="{Num(c.PassRateDifferenceInterval.High)}">{SignedRate(c.PassRateDifferenceInterval.Low)} to {SignedRate(c.PassRateDifferenceInterval.High)}</td></tr>
            <tr data-figure="earned"><td>earned</td><td data-usd="{Money.Text(c.A.EarnedUsd)}">{E(Money.Display(c.A.EarnedUsd))}</td><td data-usd="{Money.Text(c.B.EarnedUsd)}">{E(Money.Display(c.B.EarnedUsd))}</td><td>{E(Money.Signed(c.DifferenceUsd))}</td><td>{E(Money.Signed((decimal)c.DifferenceUsdInterval.Low))} to {E(Money.Signed((decimal)c.DifferenceUsdInterval.High))}</td></tr>
            </tbody></table>

            """);
        foreach (var note in ComparisonTable.Notes(c))
            html.Append($"""<p class="warning">{E(note)}</p>""").Append('\n');
        html.Append("""
            <p class="hint">Won: B passed where A did not; lost: the reverse. A task passes when any of its attempts passed and
            earns its price once. The interval is a paired bootstrap: the shared tasks are resampled, each with both results.</p>
            </section>

            """);
        Changed(html, "won", "Tasks won (B passed, A did not)", c.Won);
        Changed(html, "lost", "Tasks lost (A passed, B did not)", c.Lost);
        html.Append("""
            <footer>Written by <code>swelancer compare</code>.</footer>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static void Changed(StringBuilder html, string id, string title, IReadOnlyList<TaskPair> tasks)
    {
        html.Append($"""
            <section id="{id}">
            <h2>{E(title)}</h2>

            """);
        if (tasks.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n\n");
            return;
        }

        html.Append("""<table class="numbers"><thead><tr><th>task</th><th>price</th><th>variant</th><th>A</th><th>B</th></tr></thead><tbody>""").Append('\n');
        foreach (var p in tasks)
            html.Append($"""<tr data-question-id="{E(p.QuestionId)}"><td class="id">{E(p.QuestionId)}</td><td data-usd="{Money.Text(p.PriceUsd)}">{E(Money.Display(p.PriceUsd))}</td><td>{E(p.Variant)}</td><td>{E(VerdictNames.Of(p.A))}</td><td>{E(VerdictNames.Of(p.B))}</td></tr>""").Append('\n');
        html.Append("</tbody></table>\n</section>\n\n");
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string SignedRate(double value) => value.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
