using System.Text.Json;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>What GET /api/sweeps/{id} says of a sweep: progress in attempts, ledger totals per task.</summary>
public sealed record SweepStatus(
    string State, int Total, int Graded, int InFlight,
    int LedgerTasks, int LedgerGraded, int Passed, int Failed, int SystemErrors, decimal EarnedUsd, decimal AvailableUsd)
{
    public static SweepStatus From(JsonElement view)
    {
        var progress = view.GetProperty("progress");
        var ledger = view.GetProperty("ledger");
        int Int(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object ? e.GetProperty(name).GetInt32() : -1;
        decimal Dec(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object ? e.GetProperty(name).GetDecimal() : -1;
        return new SweepStatus(view.GetProperty("state").GetString()!,
            Int(progress, "total"), Int(progress, "graded"), Int(progress, "in_flight"),
            Int(ledger, "tasks"), Int(ledger, "graded"), Int(ledger, "passed"), Int(ledger, "failed"), Int(ledger, "system_errors"),
            Dec(ledger, "earned_usd"), Dec(ledger, "available_usd"));
    }
}
