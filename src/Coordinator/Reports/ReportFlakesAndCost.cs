using System.Globalization;
using System.Net;
using System.Text;
using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using static SweLancer.Coordinator.Reports.ReportFormat;

namespace SweLancer.Coordinator.Reports;

/// <summary>report.html's sections on flaky tasks and on cost, with the same stable ids and data-* values as the rest of the page.</summary>
public static class ReportFlakesAndCost
{
    public static void Append(StringBuilder html, SweepReport report)
    {
        Flakes(html, report.Flakes);
        Cost(html, report.Cost);
    }

    private static void Flakes(StringBuilder html, FlakeReport flakes)
    {
        html.Append($"""
            <section id="flaky-tasks">
            <h2>Flaky tasks</h2>
            <p class="hint"><span id="flaky-count" data-value="{flakes.Tasks.Count}">{Count(flakes.Tasks.Count)}</span> tasks whose test runs disagree (some passed, some failed, in one attempt or across attempts);
            <span id="flaky-usd" data-usd="{Money.Text(flakes.FlakyUsd)}">{E(Money.Display(flakes.FlakyUsd))}</span> of the earnings rest on them.
            Runs are recorded by the harness from exit codes; <code>--confirm-runs</code> makes every run even after a pass, <code>--rerun-failures N</code> reruns failed browser tests.</p>

            """);
        if (flakes.Tasks.Count == 0)
        {
            html.Append("<p>None: every task's recorded runs agree.</p>\n</section>\n\n");
            return;
        }

        html.Append("""<table class="problems"><thead><tr><th>task</th><th>variant</th><th>price</th><th>earned</th><th>runs</th></tr></thead><tbody>""").Append('\n');
        foreach (var task in flakes.Tasks)
        {
            html.Append($"""<tr data-question-id="{E(task.QuestionId)}"><td class="id">{E(task.QuestionId)}</td><td>{E(task.Variant)}</td>""")
                .Append($"""<td data-usd="{Money.Text(task.PriceUsd)}">{E(Money.Display(task.PriceUsd))}</td><td data-usd="{Money.Text(task.EarnedUsd)}">{E(Money.Display(task.EarnedUsd))}</td><td>""");
            foreach (var attempt in task.Attempts)
            {
                html.Append($"""<div data-attempt="{attempt.Attempt}">attempt {attempt.Attempt}: """);
                foreach (var run in attempt.Runs)
                {
                    var outcome = OutcomeNames.Of(run.Outcome);
                    html.Append($"""<span class="badge {outcome}" data-run="{run.Run}">{E(outcome.Replace('_', ' '))}</span> """);
                }

                html.Append("</div>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n\n");
    }

    private static void Cost(StringBuilder html, SweepCost cost)
    {
        html.Append("""
            <section id="cost">
            <h2>Cost</h2>
            <p class="hint">Summed over the graded attempts: container time is how long grading containers were held for an attempt (setup included),
            browser time how long its browser tests ran, wall time each attempt's grading from start to result (attempts graded side by side all count).
            Manager tasks hold no container.</p>
            <table class="numbers"><thead><tr><th>variant</th><th>container</th><th>browser</th><th>wall</th><th>earned</th><th>per container-hour</th></tr></thead><tbody>

            """);
        foreach (var (variant, figures) in cost.ByVariant)
            html.Append(Row("data-variant=\"" + E(variant) + "\"", variant, figures));
        html.Append(Row("id=\"cost-total\"", "total", cost.Total));
        html.Append("</tbody></table>\n</section>\n\n");
    }

    private static string Row(string key, string label, CostFigures f)
    {
        var rate = f.UsdPerContainerHour is { } r ? $"""<td data-field="usd-per-container-hour" data-usd="{Money.Text(r)}">{E(Money.Display(r))}</td>""" : """<td data-field="usd-per-container-hour">–</td>""";
        return $"""<tr {key}><td>{E(label)}</td>{Seconds("container-seconds", f.ContainerSeconds)}{Seconds("browser-seconds", f.BrowserSeconds)}{Seconds("wall-seconds", f.WallSeconds)}"""
            + $"""<td data-field="earned" data-usd="{Money.Text(f.EarnedUsd)}">{E(Money.Display(f.EarnedUsd))}</td>{rate}</tr>""" + "\n";
    }

    private static string Seconds(string field, double seconds) =>
        $"""<td data-field="{field}" data-value="{seconds.ToString(CultureInfo.InvariantCulture)}">{E(Duration(TimeSpan.FromSeconds(seconds)))}</td>""";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
