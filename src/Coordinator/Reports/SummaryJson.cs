using System.Text.Json;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// The summary file: the documented keys, dollars as plain numbers. The attempt estimates (pass@k, earnings@k and the
/// 95 % intervals) come after the original keys, which keep their names and order.
/// </summary>
public static class SummaryJson
{
    public static void Write(string path, LedgerSummary summary, AttemptEstimates estimates)
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
            WriteByK(json, estimates.ByVariant.GetValueOrDefault(variant) ?? []);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        WriteInterval(json, "earned_usd_ci", estimates.EarnedUsdInterval);
        WriteInterval(json, "pass_at_1_ci", estimates.PassAt1Interval);
        WriteByK(json, estimates.ByK);
        json.WriteEndObject();
    }

    /// <summary><c>"pass_at_k": {"1": 0.4, "2": 0.55}</c> and <c>"earnings_at_k"</c> likewise, k up to the fewest attempts of any task.</summary>
    private static void WriteByK(Utf8JsonWriter json, IReadOnlyList<KFigures> byK)
    {
        json.WriteStartObject("pass_at_k");
        foreach (var f in byK)
            json.WriteNumber(f.K.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Round(f.PassRate, 6));
        json.WriteEndObject();
        json.WriteStartObject("earnings_at_k");
        foreach (var f in byK)
            json.WriteNumber(f.K.ToString(System.Globalization.CultureInfo.InvariantCulture), Money.Normalize(f.EarnedUsd));
        json.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, Interval interval)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(Math.Round(interval.Low, 6));
        json.WriteNumberValue(Math.Round(interval.High, 6));
        json.WriteEndArray();
    }
}
