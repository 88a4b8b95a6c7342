using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SweLancer.Coordinator.Sweeps;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Inputs;

/// <summary>
/// `sweep --dispatch-order price` with one attempt out at a time: the journal records the results dearest first, the
/// order the pool's prices give; a bad order name is refused before anything starts.
/// </summary>
public sealed class DispatchOrderSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static string Demo(string file) => Path.Combine(SharedDataset.RepoRoot, "samples", "demo", file);

    [Fact]
    public async Task Price_order_grades_the_dearest_tasks_first()
    {
        using var dir = new TempDir();
        var sweep = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", Demo("tasks.json"), "--submissions", Demo("submissions.jsonl"),
            "--sweep-id", "by-price", "--out", dir.Path, "--max-in-flight", "1", "--dispatch-order", "price");
        Assert.True(sweep.ExitCode == 0, sweep.All);

        var expected = JsonNode.Parse(File.ReadAllText(Demo("tasks.json")))!["tasks"]!.AsArray()
            .OrderByDescending(t => (decimal)t!["price"]!).Select(t => (string)t!["question_id"]!).ToList();
        Assert.Equal(expected, GradedInJournalOrder(Path.Combine(dir.Path, "sweep.db"), "by-price"));
    }

    [Fact]
    public async Task An_unknown_order_is_refused_with_exit_code_2()
    {
        using var dir = new TempDir();
        var sweep = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", Demo("tasks.json"), "--submissions", Demo("submissions.jsonl"),
            "--sweep-id", "by-value", "--out", dir.Path, "--dispatch-order", "value");
        Assert.Equal(2, sweep.ExitCode);
        Assert.Contains("--dispatch-order must be plan, price or stratified; got 'value'", sweep.All);
        Assert.False(File.Exists(Path.Combine(dir.Path, "sweep.db")), "a refused sweep must write no journal");
    }

    private static List<string> GradedInJournalOrder(string database, string sweepId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM journal WHERE persistence_id = $id AND manifest LIKE 'task-graded%' ORDER BY ordering";
        command.Parameters.AddWithValue("$id", SweepActor.PersistenceIdOf(sweepId));
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids.Add(JsonDocument.Parse((byte[])reader["message"]).RootElement.GetProperty("question_id").GetString()!);
        return ids;
    }
}
