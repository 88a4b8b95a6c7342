using System.Diagnostics;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using SweLancer.Coordinator.Hosting;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;

// Usage: journal-rate-bench [--events N=100000] [--actors A=100] [--db CONNSTRING] [--out FILE]
// Persists N TaskGraded events (the event a sweep persists per result) from A long-lived persistent actors, each
// firing its share with PersistAsync as a sweep does, and times the first write to the last confirmation.
var events = 100_000;
var actors = 100;
string? db = null;
string? outFile = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--events": events = int.Parse(args[++i]); break;
        case "--actors": actors = int.Parse(args[++i]); break;
        case "--db": db = args[++i]; break;
        case "--out": outFile = args[++i]; break;
        default:
            Console.Error.WriteLine($"journal-rate-bench: unknown argument '{args[i]}'; usage: [--events N] [--actors A] [--db CONNSTRING] [--out FILE]");
            return 2;
    }
}

var folder = Directory.CreateTempSubdirectory("journal-rate-");
DatabaseTarget target;
try
{
    target = db is null ? DatabaseTarget.SqliteFile(Path.Combine(folder.FullName, "journal.db")) : DatabaseTarget.Parse(db);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"journal-rate-bench: {ex.Message}");
    return 2;
}
if (target.IsSqlite)
    CoordinatorActorSystem.UseWriteAheadLog(target.ConnectionString); // as a sweep's SQLite journal

var config = ConfigurationFactory.ParseString(SerializationConfig.Hocon + "\nakka.loglevel = WARNING")
    .WithFallback(PersistenceHocon.For(target));
using var system = ActorSystem.Create("journal-rate", config);
var run = Guid.NewGuid().ToString("N")[..8];

var stopwatch = new Stopwatch();
try
{
    // Warm-up: table creation and the first connection are not the plugin's rate.
    await Persist(system, $"warmup-{run}", 1, 10).WaitAsync(TimeSpan.FromMinutes(1));
    stopwatch.Start();
    await Persist(system, run, actors, events).WaitAsync(TimeSpan.FromMinutes(10));
    stopwatch.Stop();
}
catch (Exception ex) when (ex is TimeoutException or JournalWriteFailed)
{
    Console.Error.WriteLine($"journal-rate-bench: the journal did not take the events: {ex.Message}");
    return 1;
}

var seconds = stopwatch.Elapsed.TotalSeconds;
var rate = events / seconds;
Console.WriteLine($"journal-rate-bench: {events} events from {actors} actors on {(target.IsSqlite ? "SQLite" : "PostgreSQL")} in {seconds:0.00} s ({rate:0} events/s)");
if (outFile is not null)
{
    var result = new { journal = target.IsSqlite ? "sqlite" : "postgresql", events, actors, seconds = Math.Round(seconds, 2), events_per_second = Math.Round(rate, 1) };
    File.WriteAllText(outFile, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
}
await system.Terminate();
folder.Delete(recursive: true);
return 0;

static async Task Persist(ActorSystem system, string run, int actors, int events)
{
    var done = Enumerable.Range(0, actors).Select(i =>
    {
        var share = events / actors + (i < events % actors ? 1 : 0);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new Writer($"bench-{run}-{i}", share, finished)));
        return finished.Task;
    }).ToArray();
    await Task.WhenAll(done);
}

/// <summary>One long-lived persistent actor that persists its share of the events, one PersistAsync per message as a sweep
/// persists one per answer, with all the messages sent at once.</summary>
internal sealed class Writer : ReceivePersistentActor
{
    private readonly TaskCompletionSource _finished;
    private int _confirmed;

    public Writer(string persistenceId, int share, TaskCompletionSource finished)
    {
        PersistenceId = persistenceId;
        _finished = finished;
        if (share == 0)
            finished.SetResult();
        Command<int>(n => PersistAsync(Result(persistenceId, n), _ =>
        {
            if (++_confirmed == share)
                finished.SetResult();
        }));
        for (var n = 1; n <= share; n++)
            Self.Tell(n);
    }

    public override string PersistenceId { get; }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _finished.TrySetException(new JournalWriteFailed($"{PersistenceId} #{sequenceNr}: {cause.Message}"));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _finished.TrySetException(new JournalWriteFailed($"{PersistenceId} #{sequenceNr} rejected: {cause.Message}"));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    // Shaped as a manager task's result in a sweep: the same fields, similar lengths.
    private static TaskGraded Result(string sweep, int n) => new(
        sweep, $"task-{n:D6}", 1, "swe_manager", 500m + n % 7 * 250m, n % 2 == 0 ? GradeOutcome.Passed : GradeOutcome.Failed,
        n % 2 == 0 ? 500m + n % 7 * 250m : 0m, n % 2 == 0 ? "chose proposal 2, the one merged" : "chose proposal 1; proposal 2 was merged",
        false, "akka.tcp://swelancer@127.0.0.1:4053", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Array.Empty<string>(),
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
}

internal sealed class JournalWriteFailed(string message) : Exception(message);
