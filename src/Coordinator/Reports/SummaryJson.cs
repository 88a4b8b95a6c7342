using System.Text.Json;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Reports;

/// <summary>The summary file: exactly the documented keys, dollars as plain numbers.</summary>
public static class SummaryJson
{
    public static void Write(string path, LedgerSummary summary)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("sweep_id", summary.SweepId);
        json.WriteNumber("tasks", summary.Tasks);
        json.WriteNumber("graded", summary.Graded);
        json.WriteNumber("passed", summary.Passed);
        json.WriteNumber("failed", summary.Failed);
        json.WriteNumber("system_errors", summary.SystemErrors);
        json.WriteNumber("earned_usd", Money.Normalize(summary.EarnedUsd));
        json.WriteNumber("available_usd", Money.Normalize(summary.AvailableUsd));
        json.WriteStartObject("by_variant");
        foreach (var (variant, v) in summary.ByVariant)
        {
            json.WriteStartObject(variant);
            json.WriteNumber("tasks", v.Tasks);
            json.WriteNumber("passed", v.Passed);
            json.WriteNumber("earned_usd", Money.Normalize(v.EarnedUsd));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
