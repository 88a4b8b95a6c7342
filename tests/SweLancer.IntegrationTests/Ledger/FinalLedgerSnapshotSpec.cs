using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Sweeps;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Ledger;

/// <summary>
/// A finished sweep leaves its ledger snapshotted up to its last result, so opening the sweep again (for its report)
/// re-reads none of its results from the journal. The snapshot is made to lag by two results, as the periodic snapshots
/// can leave it (they wait for a quarter of the ledger's size): too few for another periodic one, so only the command's
/// request at the end can bring it up to date. It is also rewritten in the older named form (ledger-snapshot.v1), which
/// the ledger must still recover from, and which it replaces with rows (ledger-snapshot.v2). That older form does not say
/// how many planned results the ledger lacked, so reopening it also reads the sweep's plan again.
/// </summary>
public sealed class FinalLedgerSnapshotSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Reopening_a_finished_sweep_whose_ledger_snapshot_lags_brings_it_up_to_the_last_result()
    {
        using var dir = new TempDir();
        // Enough results that a lag of two stays under a quarter of the ledger.
        GeneratedPool.Write(dir.File("tasks.json"), dir.File("answers.jsonl"), count: 40, seed: 30);
        string[] command = ["sweep", "--tasks", dir.File("tasks.json"), "--submissions", dir.File("answers.jsonl"), "--sweep-id", "final", "--out", dir.File("out")];
        var first = await CoordinatorCli.RunAsync(Timeout, command);
        Assert.True(first.ExitCode == 0, first.All);
        var database = dir.File("out/sweep.db");
        var lastEvent = LastSequenceNumber(database, SweepActor.PersistenceIdOf("final"));
        Assert.Equal((lastEvent, "ledger-snapshot.v2"), LedgerSnapshotReach(database));
        Assert.Equal(0, LedgerSnapshotUnfolded(database)); // it knew the plan and had folded all of it
        Assert.True(lastEvent > 12, $"the sweep wrote only {lastEvent} events");
        var summary = File.ReadAllText(dir.File("out/summary.json"));

        LagLedgerSnapshot(database, lastEvent, results: 2);
        Assert.Equal((lastEvent - 2, "ledger-snapshot.v1"), LedgerSnapshotReach(database));
        var reopened = await CoordinatorCli.RunAsync(Timeout, command);

        Assert.True(reopened.ExitCode == 0, reopened.All);
        Assert.Equal((lastEvent, "ledger-snapshot.v2"), LedgerSnapshotReach(database));
        // The older snapshot did not say what was left, so the ledger read the plan again for the last results' slots.
        Assert.Equal(0, LedgerSnapshotUnfolded(database));
        Assert.Equal(lastEvent, LastSequenceNumber(database, SweepActor.PersistenceIdOf("final"))); // nothing regraded
        Assert.Equal(WithoutWrittenAt(summary), WithoutWrittenAt(File.ReadAllText(dir.File("out/summary.json"))));
    }

    private static string WithoutWrittenAt(string summaryJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(summaryJson)!.AsObject();
        foreach (var name in node.Select(p => p.Key).Where(k => k.Contains("written", StringComparison.OrdinalIgnoreCase) || k.EndsWith("_at", StringComparison.Ordinal)).ToList())
            node.Remove(name);
        return node.ToJsonString();
    }

    private static long LastSequenceNumber(string database, string persistenceId)
    {
        using var connection = Open(database, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(sequence_number) FROM journal WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", persistenceId);
        return (long)command.ExecuteScalar()!;
    }

    // The sweep event the newest ledger snapshot folded up to, and the manifest it was written under.
    private static (long Reach, string Manifest) LedgerSnapshotReach(string database)
    {
        var (_, manifest, snapshot) = ReadLedgerSnapshot(database);
        return (snapshot switch
        {
            LedgerRowsSnapshot rows => rows.SequenceNr,
            LedgerSnapshot named => named.SequenceNr ?? 0,
            _ => throw new Xunit.Sdk.XunitException($"the ledger's snapshot is a {snapshot.GetType().Name}"),
        }, manifest);
    }

    private static int? LedgerSnapshotUnfolded(string database) => ((LedgerRowsSnapshot)ReadLedgerSnapshot(database).Snapshot).Unfolded;

    private static (long Row, string Manifest, object Snapshot) ReadLedgerSnapshot(string database)
    {
        using var connection = Open(database, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence_number, manifest, snapshot FROM snapshot WHERE persistence_id = 'ledger-final' ORDER BY sequence_number DESC, created DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "the finished sweep's ledger has no snapshot");
        var manifest = reader.GetString(1);
        using var json = new GZipStream(new MemoryStream((byte[])reader["snapshot"]), CompressionMode.Decompress);
        return (reader.GetInt64(0), manifest, JsonSerializer.Deserialize(json, MessageManifests.TypeOf(manifest), SweLancerSerializer.Options)!);
    }

    // Rewrites the snapshot as an older version of the project wrote it (named fields, ledger-snapshot.v1) and as if
    // taken before the sweep's last results: without their entries, at an earlier event.
    private static void LagLedgerSnapshot(string database, long lastEvent, int results)
    {
        var (row, _, snapshot) = ReadLedgerSnapshot(database);
        var lastIds = LastGradedIds(database, results);
        Assert.Equal(results, lastIds.Count);
        var kept = ((LedgerRowsSnapshot)snapshot).Entries.Where(e => !lastIds.Contains(e.QuestionId)).ToList();
        var older = new LedgerSnapshot("final", 0, kept, lastEvent - results);
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(JsonSerializer.SerializeToUtf8Bytes(older, SweLancerSerializer.Options));
        using var connection = Open(database, readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE snapshot SET snapshot = $blob, manifest = $manifest WHERE persistence_id = 'ledger-final' AND sequence_number = $row";
        command.Parameters.AddWithValue("$blob", compressed.ToArray());
        command.Parameters.AddWithValue("$manifest", MessageManifests.NameOf(typeof(LedgerSnapshot)));
        command.Parameters.AddWithValue("$row", row);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static HashSet<string> LastGradedIds(string database, int count)
    {
        using var connection = Open(database, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM journal WHERE persistence_id = $id AND manifest LIKE 'task-graded%' ORDER BY sequence_number DESC LIMIT $n";
        command.Parameters.AddWithValue("$id", SweepActor.PersistenceIdOf("final"));
        command.Parameters.AddWithValue("$n", count);
        var ids = new HashSet<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids.Add(JsonDocument.Parse((byte[])reader["message"]).RootElement.GetProperty("question_id").GetString()!);
        return ids;
    }

    private static SqliteConnection Open(string database, bool readOnly)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False");
        connection.Open();
        return connection;
    }
}
