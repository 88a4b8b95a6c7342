using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;
using Npgsql;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Hosting.Logging;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Hosting;

/// <summary>What the journal holds for one sweep: its plan and every result it persisted.</summary>
public sealed record SweepHistory(SweepPlanned Plan, IReadOnlyList<TaskGraded> Results);

/// <summary>
/// Reads one sweep's events (its plan and results; events are never deleted, only old snapshots) from the journal
/// without running it: a local ActorSystem with the sweep's persistence configuration and the SQL read journal.
/// </summary>
public static class SweepJournalReader
{
    /// <returns>Null when the journal has no such sweep (or no journal tables at all).</returns>
    public static async Task<SweepHistory?> ReadAsync(DatabaseTarget db, string sweepId, string logPath, CancellationToken cancellation)
    {
        FileLogger.Path = logPath;
        var config = ConfigurationFactory.ParseString($$"""
                akka {
                  loglevel = WARNING
                  stdout-loglevel = ERROR
                  loggers = ["{{typeof(FileLogger).FullName}}, {{typeof(FileLogger).Assembly.GetName().Name}}"]
                  log-dead-letters = off
                }
                """)
            .WithFallback(ConfigurationFactory.ParseString(SerializationConfig.Hocon))
            .WithFallback(PersistenceHocon.For(db));
        using var system = ActorSystem.Create("swelancer-report", config);
        try
        {
            var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
            var events = await journal.CurrentEventsByPersistenceId(SweepActor.PersistenceIdOf(sweepId), 0, long.MaxValue)
                .Select(e => e.Event)
                .RunWith(Sink.Seq<object>(), system.Materializer())
                .WaitAsync(cancellation);
            var plan = events.OfType<SweepPlanned>().FirstOrDefault();
            return plan is null ? null : new SweepHistory(plan, events.OfType<TaskGraded>().ToList());
        }
        catch (Exception ex) when (IsMissingTable(ex))
        {
            return null;
        }
        finally
        {
            await system.Terminate();
        }
    }

    // A database nothing was ever journaled to has no tables; the read journal never creates them.
    private static bool IsMissingTable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 1 } sqlite && sqlite.Message.Contains("no such table", StringComparison.Ordinal))
                return true;
            if (e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable })
                return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsMissingTable))
                return true;
        }

        return false;
    }
}
