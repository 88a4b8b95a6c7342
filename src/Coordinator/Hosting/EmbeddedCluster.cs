using Akka.Actor;
using Akka.Configuration;
using Akka.Pattern;
using Microsoft.Data.Sqlite;
using SweLancer.Coordinator.Ledger;
using SweLancer.Coordinator.Sweeps;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Sharding;
using SweLancer.Messages.Serialization;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Both roles in one process on one ActorSystem: the default a newcomer gets.</summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private EmbeddedCluster(ActorSystem system, IActorRef graders)
    {
        System = system;
        Graders = graders;
    }

    public ActorSystem System { get; }

    public IActorRef Graders { get; }

    public static async Task<EmbeddedCluster> StartAsync(DatabaseTarget db, TaskGrader grader, string logPath, string logLevel = "INFO")
    {
        FileLogger.Path = logPath;
        if (db.IsSqlite)
            UseWriteAheadLog(db.ConnectionString);

        var config = ClusterHocon.For("127.0.0.1", 0, ["coordinator", GraderRegion.Role], logLevel)
            .WithFallback(ConfigurationFactory.ParseString(SerializationConfig.Hocon))
            .WithFallback(PersistenceHocon.For(db));
        var system = ActorSystem.Create("swelancer", config);

        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await cluster.JoinAsync(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));

        return new EmbeddedCluster(system, GraderRegion.Start(system, grader));
    }

    /// <summary>Starts a sweep and its ledger projection, each under a backoff supervisor so a journal outage only restarts them.</summary>
    public (IActorRef Sweep, IActorRef Ledger) StartSweep(SweepPlan plan, DispatchPolicy policy)
    {
        var sweep = System.ActorOf(Supervised(SweepActor.Props(plan, Graders, policy), "sweep"), $"sweep-{Uri.EscapeDataString(plan.SweepId)}");
        var ledger = System.ActorOf(Supervised(LedgerProjection.Props(plan.SweepId), "ledger"), $"ledger-{Uri.EscapeDataString(plan.SweepId)}");
        return (sweep, ledger);
    }

    public async ValueTask DisposeAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);
    }

    private static Props Supervised(Props child, string name) =>
        BackoffSupervisor.Props(Backoff.OnStop(child, name, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), 0.2, maxNrOfRetries: -1));

    // Readers (the ledger's tag queries) then never block the journal's writes.
    private static void UseWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        pragma.ExecuteNonQuery();
    }
}
