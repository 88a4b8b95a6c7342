using System.Text.Json;
using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// The summary file: the documented keys, dollars as plain numbers. The attempt estimates (pass@k, earnings@k and the
/// 95 % intervals) come after the original keys, which keep their names and order; the flaky tasks and the cost after
/// those, then the intervals of every pass@k and earnings@k. Each variant's object grows the same way at its end.
/// </summary>
public static class SummaryJson
{
    public static void Write(string path, LedgerSummary summary, AttemptEstimates estimates, FlakeReport flakes, SweepCost cost)
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
            var byK = estimates.ByVariant.GetValueOrDefault(variant) ?? [];
            WriteByK(json, byK);
            WriteInterval(json, "earned_usd_ci", estimates.EarnedUsdIntervalByVariant.GetValueOrDefault(variant) ?? new Interval(0, 0));
            WriteByKIntervals(json, byK);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        WriteInterval(json, "earned_usd_ci", estimates.EarnedUsdInterval);
        WriteInterval(json, "pass_at_1_ci", estimates.PassAt1Interval);
        WriteByK(json, estimates.ByK);
        WriteFlakes(json, flakes);
        json.WriteStartObject("cost");
        WriteCost(json, cost.Total);
        json.WriteStartObject("by_variant");
        foreach (var (variant, figures) in cost.ByVariant)
        {
            json.WriteStartObject(variant);
            WriteCost(json, figures);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        WriteByKIntervals(json, estimates.ByK);
        json.WriteEndObject();
    }

    /// <summary><c>"pass_at_k_ci": {"1": [0.35, 0.45]}</c> and <c>"earnings_at_k_ci"</c> likewise: the 95 % intervals of the figures above.</summary>
    private static void WriteByKIntervals(Utf8JsonWriter json, IReadOnlyList<KFigures> byK)
    {
        json.WriteStartObject("pass_at_k_ci");
        foreach (var f in byK)
            WriteInterval(json, f.K.ToString(System.Globalization.CultureInfo.InvariantCulture), f.PassRateInterval);
        json.WriteEndObject();
        json.WriteStartObject("earnings_at_k_ci");
        foreach (var f in byK)
            WriteInterval(json, f.K.ToString(System.Globalization.CultureInfo.InvariantCulture), f.EarnedUsdInterval);
        json.WriteEndObject();
    }

    /// <summary><c>"flaky_tasks": [{"question_id", "variant", "price_usd", "earned_usd", "runs": [{"attempt", "run", "outcome"}]}]</c>, then <c>"flaky_usd"</c>.</summary>
    private static void WriteFlakes(Utf8JsonWriter json, FlakeReport flakes)
    {
        json.WriteStartArray("flaky_tasks");
        foreach (var task in flakes.Tasks)
        {
            json.WriteStartObject();
            json.WriteString("question_id", task.QuestionId);
            json.WriteString("variant", task.Variant);
            json.WriteNumber("price_usd", Money.Normalize(task.PriceUsd));
            json.WriteNumber("earned_usd", Money.Normalize(task.EarnedUsd));
            json.WriteStartArray("runs");
            foreach (var attempt in task.Attempts)
            {
                foreach (var run in attempt.Runs)
                {
                    json.WriteStartObject();
                    json.WriteNumber("attempt", attempt.Attempt);
                    json.WriteNumber("run", run.Run);
                    json.WriteString("outcome", OutcomeNames.Of(run.Outcome));
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("flaky_usd", Money.Normalize(flakes.FlakyUsd));
    }

    /// <summary>The seconds, and <c>usd_per_container_hour</c> (null without container time).</summary>
    private static void WriteCost(Utf8JsonWriter json, CostFigures figures)
    {
        json.WriteNumber("container_seconds", figures.ContainerSeconds);
        json.WriteNumber("browser_seconds", figures.BrowserSeconds);
        json.WriteNumber("wall_seconds", figures.WallSeconds);
        if (figures.UsdPerContainerHour is { } rate)
            json.WriteNumber("usd_per_container_hour", Money.Normalize(rate));
        else
            json.WriteNull("usd_per_container_hour");
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
