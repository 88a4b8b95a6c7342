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

    public static void Write(string path, IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results) =>
        WriteTasks(path, plan, TaskResult.Of(plan, results));

    public static void Write(TextWriter writer, IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results) =>
        WriteTasks(writer, plan, TaskResult.Of(plan, results));

    /// <summary>From tasks already folded by <see cref="TaskResult.Of"/> over the same plan (the sweep's report folds them once).</summary>
    public static void WriteTasks(string path, IReadOnlyList<PlannedItem> plan, IReadOnlyList<TaskResult> tasks)
    {
        using var writer = new StreamWriter(path);
        WriteTasks(writer, plan, tasks);
    }

    public static void WriteTasks(TextWriter writer, IReadOnlyList<PlannedItem> plan, IReadOnlyList<TaskResult> tasks)
    {
        var byQuestion = new Dictionary<string, TaskResult>(tasks.Count, StringComparer.Ordinal);
        foreach (var task in tasks)
            byQuestion[task.QuestionId] = task;
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true);
        foreach (var column in Header)
            csv.WriteField(column);
        csv.EndRecord();

        foreach (var item in plan)
        {
            var task = byQuestion[item.QuestionId];
            var result = AttemptOf(task, item.Attempt);
            csv.WriteField(item.QuestionId);
            csv.WriteField(item.Variant);
            csv.WriteField(item.Attempt.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(result is null ? "not_graded" : OutcomeNames.Of(result.Outcome));
            csv.WriteField(Money.Text(task.CreditedTo(item.Attempt)));
            csv.WriteField(Money.Text(item.PriceUsd));
            csv.WriteField(result?.Reason ?? "");
            csv.WriteField(string.Join(' ', (result?.Runs ?? []).Select(r => OutcomeNames.Of(r.Outcome))));
            csv.WriteField(Seconds(result?.Cost?.ContainerSeconds));
            csv.WriteField(Seconds(result?.Cost?.BrowserSeconds));
            csv.EndRecord();
        }
    }

    /// <summary>A task has a handful of attempts at most: a scan is cheaper than a second dictionary of every attempt.</summary>
    private static TaskGraded? AttemptOf(TaskResult task, int attempt)
    {
        foreach (var result in task.Attempts)
            if (result.Attempt == attempt)
                return result;
        return null;
    }

    /// <summary>Empty when unknown (not graded, or journaled before costs were recorded).</summary>
    private static string Seconds(double? seconds) => seconds?.ToString(CultureInfo.InvariantCulture) ?? "";
}
