using System.Text.Json;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>The summary JSON a sweep writes, read back as data.</summary>
public sealed record SummaryFile(
    string SweepId, int Tasks, int Graded, int Passed, int Failed, int SystemErrors,
    decimal EarnedUsd, decimal AvailableUsd, IReadOnlyDictionary<string, (int Tasks, int Passed, decimal EarnedUsd)> ByVariant,
    IReadOnlyList<string> Keys)
{
    public static SummaryFile Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var byVariant = root.GetProperty("by_variant").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("tasks").GetInt32(), p.Value.GetProperty("passed").GetInt32(), p.Value.GetProperty("earned_usd").GetDecimal()));
        return new SummaryFile(
            root.GetProperty("sweep_id").GetString()!,
            root.GetProperty("tasks").GetInt32(),
            root.GetProperty("graded").GetInt32(),
            root.GetProperty("passed").GetInt32(),
            root.GetProperty("failed").GetInt32(),
            root.GetProperty("system_errors").GetInt32(),
            root.GetProperty("earned_usd").GetDecimal(),
            root.GetProperty("available_usd").GetDecimal(),
            byVariant,
            root.EnumerateObject().Select(p => p.Name).ToList());
    }
}
