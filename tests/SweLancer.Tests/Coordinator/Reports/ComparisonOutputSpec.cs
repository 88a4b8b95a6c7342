using System.Text.Json;
using Spectre.Console;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Comparison;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Reports;

/// <summary>The comparison's JSON, page and table show the figures of <see cref="SweepComparison"/>, in their units.</summary>
public sealed class ComparisonOutputSpec
{
    // A passes t1 ($1,000) and t2 ($500); B passes t2 and t3 ($250): B lost t1, won t3; B − A = -$750. only-a is A's alone.
    private static readonly SweepComparison Compared = SweepComparison.Of(
        "base", Sweep(("only-a", 90m, GradeOutcome.Passed), ("t1", 1000m, GradeOutcome.Passed), ("t2", 500m, GradeOutcome.Passed), ("t3", 250m, GradeOutcome.Failed)),
        "next", Sweep(("t1", 1000m, GradeOutcome.Failed), ("t2", 500m, GradeOutcome.Passed), ("t3", 250m, GradeOutcome.Passed)));

    private static IReadOnlyList<TaskResult> Sweep(params (string Id, decimal Price, GradeOutcome Outcome)[] tasks) =>
        TaskResult.Of(tasks.Select(t => new PlannedItem(t.Id, 1, TaskVariants.SweManager, t.Price, null)).ToList(),
            tasks.Select(t => Graded(t.Id, t.Outcome, t.Price)));

    [Fact]
    public void The_json_carries_the_figures_as_plain_numbers()
    {
        using var stream = new MemoryStream();
        ComparisonJson.Write(stream, Compared);
        using var json = JsonDocument.Parse(stream.ToArray());
        var c = json.RootElement;

        Assert.Equal(("base", "next", 3), (c.GetProperty("sweep_a").GetString(), c.GetProperty("sweep_b").GetString(), c.GetProperty("shared_tasks").GetInt32()));
        Assert.Equal(["only-a"], c.GetProperty("only_in_a").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((1, 1, 250m, 1000m, -750m),
            (c.GetProperty("tasks_won").GetInt32(), c.GetProperty("tasks_lost").GetInt32(), c.GetProperty("gained_usd").GetDecimal(),
                c.GetProperty("lost_usd").GetDecimal(), c.GetProperty("difference_usd").GetDecimal()));
        Assert.Equal((1500m, 750m), (c.GetProperty("a").GetProperty("earned_usd").GetDecimal(), c.GetProperty("b").GetProperty("earned_usd").GetDecimal()));
        Assert.Equal(0, c.GetProperty("pass_rate_difference").GetDouble());
        Assert.Equal([Compared.DifferenceUsdInterval.Low, Compared.DifferenceUsdInterval.High],
            c.GetProperty("difference_usd_ci").EnumerateArray().Select(e => e.GetDouble()));
        var lost = c.GetProperty("lost")[0];
        Assert.Equal(("t1", 1000m, "passed", "failed"),
            (lost.GetProperty("question_id").GetString(), lost.GetProperty("price_usd").GetDecimal(), lost.GetProperty("a").GetString(), lost.GetProperty("b").GetString()));
    }

    [Fact]
    public void The_page_marks_its_numbers_and_escapes_sweep_ids()
    {
        var page = ComparisonHtml.Render(Compared, DateTimeOffset.UnixEpoch);

        Assert.Contains("""id="difference-usd" data-usd="-750">-$750</span>""", page);
        Assert.Contains("""id="tasks-won" data-value="1">""", page);
        Assert.Contains("""id="lost-usd" data-usd="1000">$1,000</dd>""", page);
        Assert.Contains("""<section id="lost">""", page);
        Assert.Contains("""data-question-id="t1">""", page);
        Assert.Contains("only in A (base): 1 task, not compared: only-a", page);
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public void The_table_shows_both_sides_the_difference_and_the_changed_tasks()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;

        console.Write(ComparisonTable.Totals(Compared));
        console.WriteLine(ComparisonTable.WonAndLost(Compared));
        console.Write(ComparisonTable.Changed(Compared)!);
        var text = output.ToString();

        Assert.Contains("Sweep next (B) against sweep base (A), 3 shared tasks", text);
        Assert.Matches(@"earned\s*│\s*\$1,500\s*│\s*\$750\s*│\s*-\$750", text);
        Assert.Contains("won 1 task (+$250), lost 1 task (-$1,000), of $1,750 on the shared tasks", text);
        Assert.Matches(@"t1\s*│\s*swe_manager\s*│\s*\$1,000\s*│\s*passed\s*│\s*failed\s*│\s*-\$1,000", text);
        Assert.Null(ComparisonTable.Changed(SweepComparison.Of("a", Sweep(("t1", 5m, GradeOutcome.Passed)), "b", Sweep(("t1", 5m, GradeOutcome.Passed)))));
    }
}
