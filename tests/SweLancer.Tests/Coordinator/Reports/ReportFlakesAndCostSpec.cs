using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.Coordinator.Reports.ReportResults;

namespace SweLancer.Tests.Coordinator.Reports;

public sealed class ReportFlakesAndCostSpec
{
    private static readonly PlannedItem[] Plan = [new("ic-1", 1, "ic_swe", 4000m, null), new("m2", 1, "swe_manager", 250m, null)];

    [Fact]
    public void The_page_lists_flaky_tasks_with_their_runs_and_the_cost_with_plain_values()
    {
        var flaky = At("ic-1", GradeOutcome.Passed, 4000m, 0, 90) with
        {
            Variant = "ic_swe",
            Runs = [new(1, GradeOutcome.Failed), new(2, GradeOutcome.Passed)],
            Cost = new AttemptCost(72, 18),
        };

        var html = ReportHtml.Render(SweepReport.Of("s1", Plan, [flaky, At("m2", GradeOutcome.Passed, 250m, 0, 1)]), "/runs/s1", T0);

        Assert.Contains("""<span id="flaky-count" data-value="1">1</span>""", html);
        Assert.Contains("""<span id="flaky-usd" data-usd="4000">$4,000</span>""", html);
        Assert.Contains("""<div data-attempt="1">attempt 1: <span class="badge failed" data-run="1">failed</span> <span class="badge passed" data-run="2">passed</span> </div>""", html);
        // $4,250 over 72 container-seconds (0.02 h): $212,500 per container-hour.
        Assert.Contains("""<tr id="cost-total"><td>total</td><td data-field="container-seconds" data-value="72">1 min 12 s</td><td data-field="browser-seconds" data-value="18">18 s</td><td data-field="wall-seconds" data-value="91">1 min 31 s</td>""", html);
        Assert.Contains("""<td data-field="usd-per-container-hour" data-usd="212500">$212,500</td></tr>""", html);
        Assert.Matches("""<tr data-variant="swe_manager"><td>swe_manager</td>.*<td data-field="usd-per-container-hour">–</td></tr>""", html);
    }

    [Fact]
    public void Without_recorded_runs_the_page_says_no_task_is_flaky()
    {
        var html = ReportHtml.Render(SweepReport.Of("s1", Plan, [At("m2", GradeOutcome.Passed, 250m, 0, 1)]), "/runs/s1", T0);

        Assert.Contains("""<span id="flaky-count" data-value="0">0</span>""", html);
        Assert.Contains("None: every task's recorded runs agree.", html);
    }
}
