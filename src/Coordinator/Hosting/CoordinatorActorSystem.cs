using Akka.Actor;
using Akka.Configuration;
using Microsoft.Data.Sqlite;
using SweLancer.Hosting.Cluster;
using SweLancer.Hosting.Nodes;
using SweLancer.Messages.Serialization;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Starts a cluster member that can run sweeps: the journal, the serializer, the coordinator role.</summary>
public static class CoordinatorActorSystem
{
    public const string Role = "coordinator";

    public static async Task<ActorSystem> StartAsync(NodeSettings node, IEnumerable<string> roles, DatabaseTarget db, string logPath,
        TimeSpan joinTimeout, string logLevel = "INFO", CancellationToken cancellation = default)
    {
        if (db.IsSqlite)
            UseWriteAheadLog(db.ConnectionString);
        var config = ConfigurationFactory.ParseString(SerializationConfig.Hocon).WithFallback(PersistenceHocon.For(db));
        return await ClusterActorSystem.StartAsync(node, roles, config, logPath, joinTimeout, logLevel, cancellation);
    }

    /// <summary>Readers (the ledger's queries) then never block the journal's writes.</summary>
    public static void UseWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        pragma.ExecuteNonQuery();
    }
}
