using System.Globalization;
using Spectre.Console;
using SweLancer.Domain.Comparison;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Reports;

/// <summary>A sweep comparison on the console: the two sides and B − A with its interval, then the tasks that changed.</summary>
public static class ComparisonTable
{
    public static Table Totals(SweepComparison c)
    {
        var table = new Table().Title($"Sweep {Markup.Escape(c.B.SweepId)} (B) against sweep {Markup.Escape(c.A.SweepId)} (A), {c.Shared.Count} shared tasks")
            .AddColumn("")
            .AddColumn(new TableColumn($"A: {Markup.Escape(c.A.SweepId)}").RightAligned())
            .AddColumn(new TableColumn($"B: {Markup.Escape(c.B.SweepId)}").RightAligned())
            .AddColumn(new TableColumn("B - A").RightAligned())
            .AddColumn(new TableColumn("95 % interval").RightAligned());
        table.AddRow("passed", c.A.Passed.ToString(CultureInfo.InvariantCulture), c.B.Passed.ToString(CultureInfo.InvariantCulture),
            Signed(c.B.Passed - c.A.Passed), "");
        table.AddRow("pass rate", Rate(c.A.PassRate), Rate(c.B.PassRate), SignedRate(c.PassRateDifference),
            $"{SignedRate(c.PassRateDifferenceInterval.Low)} to {SignedRate(c.PassRateDifferenceInterval.High)}");
        table.AddRow("[bold]earned[/]", Money.Display(c.A.EarnedUsd), Money.Display(c.B.EarnedUsd), $"[bold]{Money.Signed(c.DifferenceUsd)}[/]",
            $"{Money.Signed((decimal)c.DifferenceUsdInterval.Low)} to {Money.Signed((decimal)c.DifferenceUsdInterval.High)}");
        return table;
    }

    /// <summary>The line under the totals (a line of its own: a table caption would wrap at the table's width).</summary>
    public static string WonAndLost(SweepComparison c) =>
        $"won {Tasks(c.Won.Count)} ({Money.Signed(c.GainedUsd)}), lost {Tasks(c.Lost.Count)} ({Money.Signed(-c.LostUsd)}), "
        + $"of {Money.Display(c.AvailableUsd)} on the shared tasks";

    /// <summary>Every task one sweep passed and the other did not; null when there is none.</summary>
    public static Table? Changed(SweepComparison c)
    {
        var changed = c.Shared.Where(p => p.Won || p.Lost).ToList();
        if (changed.Count == 0)
            return null;
        var table = new Table().Title("Tasks won and lost")
            .AddColumn("task").AddColumn("variant").AddColumn(new TableColumn("price").RightAligned())
            .AddColumn("A").AddColumn("B").AddColumn(new TableColumn("B - A").RightAligned());
        foreach (var p in changed)
            table.AddRow(Markup.Escape(p.QuestionId), Markup.Escape(p.Variant), Money.Display(p.PriceUsd),
                VerdictNames.Of(p.A), VerdictNames.Of(p.B), p.Won ? $"[green]{Money.Signed(p.DifferenceUsd)}[/]" : $"[red]{Money.Signed(p.DifferenceUsd)}[/]");
        return table;
    }

    /// <summary>What the figures leave out: tasks only one sweep planned, and tasks not decided yet.</summary>
    public static IReadOnlyList<string> Notes(SweepComparison c)
    {
        var notes = new List<string>();
        if (c.OnlyInA.Count > 0)
            notes.Add($"only in A ({c.A.SweepId}): {Tasks(c.OnlyInA.Count)}, not compared: {Ids(c.OnlyInA)}");
        if (c.OnlyInB.Count > 0)
            notes.Add($"only in B ({c.B.SweepId}): {Tasks(c.OnlyInB.Count)}, not compared: {Ids(c.OnlyInB)}");
        foreach (var side in new[] { ("A", c.A), ("B", c.B) }.Where(s => s.Item2.Undecided > 0))
            notes.Add($"{side.Item1} ({side.Item2.SweepId}) has not finished: {Tasks(side.Item2.Undecided)} undecided, counted as not passed");
        return notes;
    }

    private static string Tasks(int count) => count == 1 ? "1 task" : $"{count} tasks";

    private static string Ids(IReadOnlyList<string> ids) => string.Join(", ", ids.Take(10)) + (ids.Count > 10 ? $", … ({ids.Count - 10} more)" : "");

    private static string Signed(int value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string SignedRate(double value) => value.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture);
}
