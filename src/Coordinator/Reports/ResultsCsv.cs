using System.Globalization;
using CsvHelper;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// results.csv: one row per planned task attempt, in plan order. An attempt's earned_usd is what it added to the ledger
/// (<see cref="TaskResult.CreditedTo"/>), so the column sums to the ledger's earnings however many attempts passed.
/// The last columns are the attempt's test runs in order (<c>failed passed</c>) and its container- and browser-seconds.
/// </summary>
public static class ResultsCsv
{
    public static readonly string[] Header = ["question_id", "variant", "attempt", "outcome", "earned_usd", "price_usd", "reason", "runs", "container_seconds", "browser_seconds"];

    public static void Write(string path, IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results)
    {
        using var writer = new StreamWriter(path);
        Write(writer, plan, results);
    }

    public static void Write(TextWriter writer, IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results)
    {
        var tasks = TaskResult.Of(plan, results).ToDictionary(t => t.QuestionId);
        var byKey = tasks.Values.SelectMany(t => t.Attempts).ToDictionary(r => (r.QuestionId, r.Attempt));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true);
        foreach (var column in Header)
            csv.WriteField(column);
        csv.EndRecord();

        foreach (var item in plan)
        {
            byKey.TryGetValue((item.QuestionId, item.Attempt), out var result);
            csv.WriteField(item.QuestionId);
            csv.WriteField(item.Variant);
            csv.WriteField(item.Attempt.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(result is null ? "not_graded" : OutcomeNames.Of(result.Outcome));
            csv.WriteField(Money.Text(tasks[item.QuestionId].CreditedTo(item.Attempt)));
            csv.WriteField(Money.Text(item.PriceUsd));
            csv.WriteField(result?.Reason ?? "");
            csv.WriteField(string.Join(' ', (result?.Runs ?? []).Select(r => OutcomeNames.Of(r.Outcome))));
            csv.WriteField(Seconds(result?.Cost?.ContainerSeconds));
            csv.WriteField(Seconds(result?.Cost?.BrowserSeconds));
            csv.EndRecord();
        }
    }

    /// <summary>Empty when unknown (not graded, or journaled before costs were recorded).</summary>
    private static string Seconds(double? seconds) => seconds?.ToString(CultureInfo.InvariantCulture) ?? "";
}
