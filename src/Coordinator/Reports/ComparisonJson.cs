using System.Text.Json;
using SweLancer.Domain.Comparison;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Reports;

/// <summary>
/// A sweep comparison as JSON: dollars as plain numbers, differences as B − A, intervals as [low, high]. The figures
/// cover the shared tasks; only_in_a and only_in_b list the question_ids that were not compared.
/// </summary>
public static class ComparisonJson
{
    public static void Write(Stream stream, SweepComparison c)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("sweep_a", c.A.SweepId);
        json.WriteString("sweep_b", c.B.SweepId);
        json.WriteNumber("shared_tasks", c.Shared.Count);
        json.WriteNumber("available_usd", Money.Normalize(c.AvailableUsd));
        Ids(json, "only_in_a", c.OnlyInA);
        Ids(json, "only_in_b", c.OnlyInB);
        Side(json, "a", c.A);
        Side(json, "b", c.B);
        json.WriteNumber("tasks_won", c.Won.Count);
        json.WriteNumber("tasks_lost", c.Lost.Count);
        json.WriteNumber("gained_usd", Money.Normalize(c.GainedUsd));
        json.WriteNumber("lost_usd", Money.Normalize(c.LostUsd));
        json.WriteNumber("difference_usd", Money.Normalize(c.DifferenceUsd));
        WriteInterval(json, "difference_usd_ci", c.DifferenceUsdInterval);
        json.WriteNumber("pass_rate_difference", Math.Round(c.PassRateDifference, 6));
        WriteInterval(json, "pass_rate_difference_ci", c.PassRateDifferenceInterval);
        Tasks(json, "won", c.Won);
        Tasks(json, "lost", c.Lost);
        json.WriteEndObject();
    }

    public static void Write(string path, SweepComparison c)
    {
        using var stream = File.Create(path);
        Write(stream, c);
    }

    private static void Side(Utf8JsonWriter json, string name, ComparedSide side)
    {
        json.WriteStartObject(name);
        json.WriteString("sweep_id", side.SweepId);
        json.WriteNumber("passed", side.Passed);
        json.WriteNumber("pass_rate", Math.Round(side.PassRate, 6));
        json.WriteNumber("earned_usd", Money.Normalize(side.EarnedUsd));
        json.WriteNumber("undecided", side.Undecided);
        json.WriteEndObject();
    }

    private static void Tasks(Utf8JsonWriter json, string name, IReadOnlyList<TaskPair> tasks)
    {
        json.WriteStartArray(name);
        foreach (var p in tasks)
        {
            json.WriteStartObject();
            json.WriteString("question_id", p.QuestionId);
            json.WriteString("variant", p.Variant);
            json.WriteNumber("price_usd", Money.Normalize(p.PriceUsd));
            json.WriteString("a", VerdictNames.Of(p.A));
            json.WriteString("b", VerdictNames.Of(p.B));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Ids(Utf8JsonWriter json, string name, IReadOnlyList<string> ids)
    {
        json.WriteStartArray(name);
        foreach (var id in ids)
            json.WriteStringValue(id);
        json.WriteEndArray();
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, Interval interval)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(interval.Low);
        json.WriteNumberValue(interval.High);
        json.WriteEndArray();
    }
}
