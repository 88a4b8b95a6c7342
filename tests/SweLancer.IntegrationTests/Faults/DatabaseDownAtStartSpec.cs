using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// A sweep started while its PostgreSQL is down waits for it and, once it is up, ends with the same ledger as a sweep
/// that never saw the outage.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class DatabaseDownAtStartSpec
{
    private static readonly string Demo = Path.Combine(SharedDataset.RepoRoot, "samples", "demo");

    private static Task<CoordinatorCli.Result> SweepAsync(TempDir dir, string id, string db) =>
        CoordinatorCli.RunAsync(TimeSpan.FromMinutes(4), "sweep", "--tasks", Demo + "/tasks.json", "--submissions", Demo + "/submissions.jsonl",
            "--sweep-id", id, "--out", dir.File(id), "--summary-json", dir.File(id + ".json"), "--db", db);

    [Fact]
    public async Task A_sweep_started_during_a_database_outage_waits_and_ends_with_the_undisturbed_ledger()
    {
        using var dir = new TempDir();
        await using var calm = await PostgresDatabase.CreateAsync();
        await using var stormy = await PostgresDatabase.CreateAsync();
        var undisturbed = await SweepAsync(dir, "db-calm", calm.ConnectionString);
        Assert.True(undisturbed.ExitCode == 0, undisturbed.All);

        PostgresServer.Stop();
        Task<CoordinatorCli.Result> run;
        try
        {
            run = SweepAsync(dir, "db-down", stormy.ConnectionString);
            await Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.False(run.IsCompleted, "the sweep ended while its database was down");
        }
        finally
        {
            PostgresServer.Start();
        }
        var result = await run;

        Assert.True(result.ExitCode == 0, result.All);
        var expected = SummaryFile.Read(dir.File("db-calm.json"));
        var actual = SummaryFile.Read(dir.File("db-down.json"));
        Assert.Equal((expected.Graded, expected.Passed, expected.Failed, expected.SystemErrors, expected.EarnedUsd, expected.AvailableUsd),
            (actual.Graded, actual.Passed, actual.Failed, actual.SystemErrors, actual.EarnedUsd, actual.AvailableUsd));
    }
}
