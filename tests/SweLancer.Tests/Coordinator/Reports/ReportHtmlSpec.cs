using System.Text.RegularExpressions;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.Coordinator.Reports.ReportResults;

namespace SweLancer.Tests.Coordinator.Reports;

public sealed class ReportHtmlSpec
{
    private static readonly PlannedItem[] Plan =
    [
        new("m<1>", 1, "swe_manager", 1500m, null),
        new("m2", 1, "swe_manager", 250m, null),
        new("ic-1", 1, "ic_swe", 4000m, null),
    ];

    private static string Render(params TaskGraded[] results) =>
        ReportHtml.Render(SweepReport.Of("s1", Plan, results), "/runs/s1", T0);

    [Fact]
    public void Key_numbers_carry_stable_ids_with_plain_values_and_display_text()
    {
        var html = Render(
            At("m<1>", GradeOutcome.Passed, 1500m, 0, 2),
            At("m2", GradeOutcome.Failed, 250m, 0, 1, reason: "selected proposal 1, merged was 2"),
            At("ic-1", GradeOutcome.SystemError, 4000m, 0, 3, reason: "no image"));

        Assert.Contains("""<span id="total-earned" data-usd="1500">$1,500</span>""", html);
        Assert.Contains("""<span id="total-available" data-usd="5750">$5,750</span>""", html);
        Assert.Contains("""<dd id="total-passed" data-value="1">1</dd>""", html);
        Assert.Contains("""<dd id="total-failed" data-value="1">1</dd>""", html);
        Assert.Contains("""<dd id="total-system-errors" data-value="1">1</dd>""", html);
        Assert.Matches("""<tr data-variant="swe_manager">.*data-field="earned" data-usd="1500">\$1,500<""", html);
        Assert.Matches("""<tr data-band="1k-2k">.*data-field="earned" data-usd="1500">""", html);
        Assert.Contains("""<tr data-question-id="m2" data-attempt="1" data-outcome="failed">""", html);
        Assert.Contains("""<tr data-question-id="ic-1" data-attempt="1" data-outcome="system_error">""", html);
        Assert.DoesNotContain("id=\"unfinished\"", html);
    }

    [Fact]
    public void The_earnings_line_of_a_large_sweep_draws_at_most_its_bound_of_steps()
    {
        var plan = Enumerable.Range(0, 3000).Select(i => new PlannedItem($"m{i}", 1, "swe_manager", 100m, null)).ToList();
        var results = plan.Select((p, i) => At(p.QuestionId, GradeOutcome.Passed, 100m, i, i + 1)).ToList();

        var html = ReportHtml.Render(SweepReport.Of("s1", plan, results), "/runs/s1", T0);

        var line = Regex.Match(html, """<svg[^>]*id="earnings-chart".*?<path class="line" d="([^"]*)"/>""", RegexOptions.Singleline);
        Assert.True(line.Success, "no earnings line in the report");
        Assert.Equal(ReportSvg.MaxEarningsSteps + 1, line.Groups[1].Value.Split(" H").Length - 1); // the steps, then the run to the end
        Assert.Contains("""<span id="total-earned" data-usd="300000">""", html);
    }

    [Fact]
    public void The_written_file_is_the_rendered_page_in_utf8_without_a_byte_order_mark()
    {
        // Many chunks of the page's builder, and characters beyond ASCII split across them.
        var plan = Enumerable.Range(0, 2000).Select(i => new PlannedItem($"m{i}-✓é", 1, "swe_manager", 100m, null)).ToList();
        var results = plan.Select((p, i) => At(p.QuestionId, GradeOutcome.Failed, 100m, i, i + 1, reason: $"naïve ✗ {i}")).ToList();
        var report = SweepReport.Of("s1", plan, results);
        var folder = Directory.CreateTempSubdirectory("report-html-spec").FullName;
        try
        {
            var path = Path.Combine(folder, "report.html");
            ReportHtml.Write(path, report, T0);

            var bytes = File.ReadAllBytes(path);
            Assert.NotEqual([0xEF, 0xBB, 0xBF], bytes[..3]);
            var expected = ReportHtml.Render(report, folder, T0);
            Assert.True(expected.Length > 100_000, $"the page is only {expected.Length} characters");
            Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Everything_from_the_inputs_is_html_encoded()
    {
        var html = Render(At("m<1>", GradeOutcome.Failed, 1500m, 0, 2, reason: "<script>alert('x')</script> & \"quoted\""));

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("m<1>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", html);
        Assert.Contains("""data-question-id="m&lt;1&gt;" """.TrimEnd(), html);
    }

    [Fact]
    public void The_page_is_self_contained_no_scripts_and_nothing_fetched_from_a_network()
    {
        var html = Render(At("m2", GradeOutcome.Failed, 250m, 0, 1, artefacts: ["/runs/s1/artefacts/m2/shot.png", "/elsewhere/t.trace.zip"]));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, """(src|href)="(https?:)?//""").Select(m => m.Value));
        Assert.Contains("""<a class="artefact" data-kind="screenshot" href="artefacts/m2/shot.png"><img src="artefacts/m2/shot.png" """, html);
        Assert.Contains("""href="file:///elsewhere/t.trace.zip">""", html);
    }

    [Fact]
    public void An_unfinished_sweep_says_how_many_tasks_are_not_graded()
    {
        var html = Render(At("m2", GradeOutcome.Passed, 250m, 0, 1));

        Assert.Contains("""<p class="warning" id="unfinished">2 of 3 tasks are not graded yet""", html);
        Assert.Contains("""<span id="attempts-graded" data-value="1">1</span>""", html);
    }

    [Fact]
    public void A_sweep_with_no_results_yet_still_renders_its_charts()
    {
        var html = Render();

        Assert.Contains("nothing earned yet", html);
        Assert.Contains("no attempts graded yet", html);
        Assert.Contains("""<span id="total-earned" data-usd="0">$0</span>""", html);
    }

    [Fact]
    public void The_histogram_bars_hold_every_attempt()
    {
        var html = Render(At("m<1>", GradeOutcome.Passed, 1500m, 0, 0.5), At("m2", GradeOutcome.Failed, 250m, 0, 1.5), At("ic-1", GradeOutcome.Failed, 4000m, 0, 1.6));

        var counts = Regex.Matches(html, """class="bucket" data-from-ms="[0-9.]+" data-count="(\d+)" """.TrimEnd()).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(3, counts.Sum());
        Assert.Contains("""<span id="duration-attempts" data-value="3">3</span>""", html);
    }
}
