using Npgsql;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>The same Lite sweep with the journal on a real PostgreSQL 15: only the configuration differs.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class LiteManagerSweepOnPostgresSpec
{
    [Fact]
    public async Task A_gold_submission_gives_the_same_ledger_with_the_journal_in_postgresql()
    {
        var tasksPath = SharedDataset.RequireLiteCsv();
        await using var database = await PostgresDatabase.CreateAsync();
        using var dir = new TempDir();
        var tasks = GeneratedSubmissions.ReadTasks(tasksPath);
        var gold = GeneratedSubmissions.Gold(tasks);
        GeneratedSubmissions.Write(dir.File("gold.jsonl"), gold);
        string[] args = ["sweep", "--tasks", tasksPath, "--submissions", dir.File("gold.jsonl"), "--sweep-id", "lite-pg",
            "--out", dir.File("out"), "--db", database.ConnectionString, "--summary-json", dir.File("summary.json")];

        var run = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(3), args);

        Assert.True(run.ExitCode == 0, run.All);
        LiteExpectations.AssertGold(SummaryFile.Read(dir.File("summary.json")), "lite-pg", gold);
        LiteExpectations.AssertGoldRows(dir.File("out/results.csv"), tasks, gold);
        Assert.False(File.Exists(dir.File("out/sweep.db")), "no SQLite journal may be created when --db names PostgreSQL");

        // The plan plus one event per result, in PostgreSQL's journal.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM journal WHERE persistence_id = 'sweep-lite-pg'", connection);
            Assert.Equal(1L + 174L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }

        // Resuming the finished sweep from PostgreSQL grades nothing again.
        var again = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(2), args);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("resuming: 174 of 174 attempts were already graded", again.Output);
        LiteExpectations.AssertGold(SummaryFile.Read(dir.File("summary.json")), "lite-pg", gold);
    }
}
