using System.Globalization;
using System.Net;
using System.Text;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using static SweLancer.Coordinator.Reports.ReportFormat;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) that opens from disk.
/// Key numbers carry stable ids and data-* attributes with plain values, so tests and scripts can read them.
/// </summary>
public static class ReportHtml
{
    public static void Write(string path, SweepReport report) => Write(path, report, DateTimeOffset.UtcNow);

    internal static void Write(string path, SweepReport report, DateTimeOffset generatedAt)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // Written as it is made: a 100,000-task page is ~20 million characters (a row per failed attempt), and holding
        // all of it, then a string of it, was the sweep's peak of memory.
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Spill(Build(report, folder, generatedAt, writer), writer, atLeast: 0);
    }

    /// <param name="reportFolder">Where the page will live: artefact links are made relative to it.</param>
    public static string Render(SweepReport report, string reportFolder, DateTimeOffset generatedAt) =>
        Build(report, reportFolder, generatedAt, sink: null).ToString();

    /// <param name="sink">Where the page's text goes as the builder fills up; null keeps all of it in the builder.</param>
    private static StringBuilder Build(SweepReport report, string reportFolder, DateTimeOffset generatedAt, TextWriter? sink)
    {
        var s = report.Summary;
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sweep {E(s.SweepId)}: {E(Money.Display(s.EarnedUsd))} earned</title>
            <style>{ReportCss.Text}</style>
            </head>
            <body>
            <header>
            <h1>Sweep <span id="sweep-id">{E(s.SweepId)}</span></h1>
            <p class="meta">{Meta(report, generatedAt)}</p>
            </header>

            """);
        Totals(html, report);
        ByVariant(html, report);
        ByBand(html, report);
        ReportEstimates.Append(html, report);
        html.Append($"""
            <section id="earnings-over-time">
            <h2>Cumulative earnings</h2>
            <p class="hint">Each step is a task passing, at the moment its first passing attempt finished.</p>
            {ReportSvg.CumulativeEarnings("earnings-chart", report.Earnings, report.FirstStarted, report.LastFinished)}
            </section>

            <section id="grading-time">
            <h2>Grading time</h2>
            <p class="hint">Per attempt, from the grader starting it to its result:
            median <span id="duration-median">{E(Duration(report.Durations.Median))}</span>,
            95th percentile <span id="duration-p95">{E(Duration(report.Durations.P95))}</span>,
            longest <span id="duration-max">{E(Duration(report.Durations.Max))}</span>
            over <span id="duration-attempts" data-value="{report.Durations.Attempts}">{Count(report.Durations.Attempts)}</span> attempts.</p>
            {ReportSvg.Histogram("duration-chart", report.Durations)}
            </section>

            """);
        Problems(html, report, reportFolder, sink);
        ReportFlakesAndCost.Append(html, report);
        html.Append("""
            <footer>Written by <code>swelancer</code>. Regenerate with <code>swelancer report --sweep-id …</code>.</footer>
            </body>
            </html>

            """);
        return html;
    }

    private static string Meta(SweepReport report, DateTimeOffset generatedAt)
    {
        var parts = new List<string>();
        if (report.FirstStarted is { } first && report.LastFinished is { } last)
            parts.Add($"graded from {E(Instant(first))} to {E(Instant(last))} ({E(Duration(last - first))})");
        parts.Add($"report written {E(Instant(generatedAt))}");
        return string.Join(" · ", parts);
    }

    private static void Totals(StringBuilder html, SweepReport report)
    {
        var s = report.Summary;
        var share = s.AvailableUsd == 0 ? 0 : (double)(s.EarnedUsd / s.AvailableUsd);
        html.Append($"""
            <section id="totals">
            <div class="headline">
            <div class="earned"><span id="total-earned" data-usd="{Money.Text(s.EarnedUsd)}">{E(Money.Display(s.EarnedUsd))}</span> earned</div>
            <div class="of">of <span id="total-available" data-usd="{Money.Text(s.AvailableUsd)}">{E(Money.Display(s.AvailableUsd))}</span> available
            (<span id="earned-share">{share.ToString("0.0%", CultureInfo.InvariantCulture)}</span>)</div>
            <div class="meter"><div style="width:{Coord(share * 100)}%"></div></div>
            </div>
            <dl class="cards">
            {Card("total-tasks", "tasks", s.Tasks)}
            {Card("total-graded", "graded", s.Graded)}
            {Card("total-passed", "passed", s.Passed, "pass")}
            {Card("total-failed", "failed", s.Failed, "fail")}
            {Card("total-system-errors", "system errors", s.SystemErrors, "error")}
            <div><dt>attempts graded</dt><dd><span id="attempts-graded" data-value="{report.GradedAttempts}">{Count(report.GradedAttempts)}</span> / <span id="attempts-planned" data-value="{report.PlannedAttempts}">{Count(report.PlannedAttempts)}</span></dd></div>
            </dl>

            """);
        if (s.Graded < s.Tasks)
            html.Append($"""<p class="warning" id="unfinished">{Count(s.Tasks - s.Graded)} of {Count(s.Tasks)} tasks are not graded yet: the sweep has not finished. Resume it with the same command and --sweep-id.</p>""").Append('\n');
        html.Append("""
            <p class="hint">Counted per task: a task passes when any of its attempts passed and then earns its price once.
            System errors are ours, not the model's: they count neither as passes nor as failures.</p>
            </section>

            """);
    }

    private static string Card(string id, string label, int value, string? tone = null) =>
        $"""<div{(tone is null ? "" : $" class=\"{tone}\"")}><dt>{E(label)}</dt><dd id="{id}" data-value="{value}">{Count(value)}</dd></div>""";

    private static void ByVariant(StringBuilder html, SweepReport report)
    {
        var rows = report.Summary.ByVariant.Select(kv => (Key: kv.Key, kv.Value.Tasks, kv.Value.Passed, kv.Value.EarnedUsd,
            Available: kv.Value.AvailableUsd)).ToList();
        html.Append("""
            <section id="by-variant">
            <h2>Earnings by variant</h2>

            """);
        html.Append(ReportSvg.EarningsBars("variant-chart", rows.Select(r => new EarningsBar(r.Key, r.EarnedUsd, r.Available)).ToList()));
        html.Append("""<table class="numbers"><thead><tr><th>variant</th><th>tasks</th><th>passed</th><th>earned</th><th>available</th></tr></thead><tbody>""").Append('\n');
        foreach (var r in rows)
            html.Append(NumbersRow("data-variant", r.Key, r.Tasks, r.Passed, r.EarnedUsd, r.Available));
        html.Append("</tbody></table>\n</section>\n\n");
    }

    private static void ByBand(StringBuilder html, SweepReport report)
    {
        html.Append("""
            <section id="by-band">
            <h2>Earnings by price band</h2>

            """);
        html.Append(ReportSvg.EarningsBars("band-chart", report.Bands.Select(b => new EarningsBar(b.Band.Label, b.EarnedUsd, b.AvailableUsd)).ToList()));
        html.Append("""<table class="numbers"><thead><tr><th>task price</th><th>tasks</th><th>passed</th><th>earned</th><th>available</th></tr></thead><tbody>""").Append('\n');
        foreach (var b in report.Bands)
            html.Append(NumbersRow("data-band", b.Band.Id, b.Tasks, b.Passed, b.EarnedUsd, b.AvailableUsd, b.Band.Label));
        html.Append("</tbody></table>\n</section>\n\n");
    }

    private static string NumbersRow(string keyAttribute, string key, int tasks, int passed, decimal earned, decimal available, string? label = null) =>
        $"""<tr {keyAttribute}="{E(key)}"><td>{E(label ?? key)}</td><td data-field="tasks" data-value="{tasks}">{Count(tasks)}</td><td data-field="passed" data-value="{passed}">{Count(passed)}</td><td data-field="earned" data-usd="{Money.Text(earned)}">{E(Money.Display(earned))}</td><td data-field="available" data-usd="{Money.Text(available)}">{E(Money.Display(available))}</td></tr>""" + "\n";

    /// <summary>Moves the builder's text to <paramref name="sink"/> once it holds <paramref name="atLeast"/> characters.</summary>
    private static void Spill(StringBuilder html, TextWriter? sink, int atLeast = 1 << 16)
    {
        if (sink is null || html.Length < atLeast)
            return;
        foreach (var chunk in html.GetChunks())
            sink.Write(chunk.Span);
        html.Clear();
    }

    private static void Problems(StringBuilder html, SweepReport report, string reportFolder, TextWriter? sink)
    {
        var failed = report.Problems.Count(p => p.Outcome == GradeOutcome.Failed);
        var errors = report.Problems.Count - failed;
        html.Append($"""
            <section id="problems">
            <h2>Failures and system errors</h2>
            <p class="hint"><span id="problem-failed" data-value="{failed}">{Count(failed)}</span> failed and <span id="problem-system-errors" data-value="{errors}">{Count(errors)}</span> system-error attempts.
            Failed is the model's fault; a system error is ours (the grading infrastructure).</p>

            """);
        if (report.Problems.Count == 0)
        {
            html.Append("<p>None: every graded attempt passed.</p>\n</section>\n\n");
            return;
        }

        html.Append("""<table class="problems"><thead><tr><th>task</th><th>attempt</th><th>variant</th><th>price</th><th>outcome</th><th>reason</th><th>grader</th><th>time</th><th>artefacts</th></tr></thead><tbody>""").Append('\n');
        foreach (var p in report.Problems)
        {
            var outcome = OutcomeNames.Of(p.Outcome);
            html.Append($"""<tr data-question-id="{E(p.QuestionId)}" data-attempt="{p.Attempt}" data-outcome="{outcome}">""")
                .Append($"""<td class="id">{E(p.QuestionId)}</td><td>{p.Attempt}</td><td>{E(p.Variant)}</td><td>{E(Money.Display(p.PriceUsd))}</td>""")
                .Append($"""<td><span class="badge {outcome}">{E(outcome.Replace('_', ' '))}</span></td><td class="reason">{E(p.Reason)}</td>""")
                .Append($"""<td class="node" title="{E(p.GraderNode)}">{E(NodeName(p.GraderNode))}</td><td class="time">{E(Duration(p.FinishedAt - p.StartedAt))}</td><td class="artefacts">""");
            foreach (var link in p.Artefacts.Select(a => ArtefactLink.Of(a, reportFolder)))
            {
                var thumbnail = link.Kind == "screenshot" ? $"""<img src="{E(link.Href)}" alt="">""" : "";
                html.Append($"""<a class="artefact" data-kind="{link.Kind}" href="{E(link.Href)}">{thumbnail}<span>{E(link.Kind)}: {E(link.Label)}</span></a>""");
            }

            html.Append("</td></tr>\n");
            Spill(html, sink);
        }

        html.Append("</tbody></table>\n</section>\n\n");
    }

    /// <summary>host:port of an Akka address (akka.tcp://system@host:port), which is what tells nodes apart; the whole address is the cell's tooltip.</summary>
    private static string NodeName(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : address;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
