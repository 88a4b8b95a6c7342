using System.Text.Json;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.AspNetCore.Http;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// Server-Sent Events of one sweep's graded attempts, read live from the sweep's own events. Each event's id is its
/// sequence number in the sweep, so a reconnecting client (Last-Event-ID) continues where it stopped.
/// </summary>
public static class SweepEventStream
{
    public static async Task WriteAsync(HttpContext context, ActorSystem system, string sweepId, CancellationToken cancellation)
    {
        long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var from);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(cancellation);

        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var (stream, queue) = journal.EventsByPersistenceId(SweepActor.PersistenceIdOf(sweepId), from + 1, long.MaxValue)
            .Where(e => e.Event is TaskGraded)
            .Select(Frame)
            .KeepAlive(TimeSpan.FromSeconds(15), () => ": keep-alive\n\n")
            .ViaMaterialized(KillSwitches.Single<string>(), Keep.Right)
            .ToMaterialized(Sink.Queue<string>(), Keep.Both)
            .Run(system.Materializer());
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var next = await queue.PullAsync().WaitAsync(cancellation);
                if (!next.HasValue)
                    break;
                await context.Response.WriteAsync(next.Value, cancellation);
                await context.Response.Body.FlushAsync(cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            stream.Shutdown();
        }
    }

    private static string Frame(EventEnvelope envelope)
    {
        var data = JsonSerializer.Serialize((TaskGraded)envelope.Event, SweLancerSerializer.Options);
        return $"id: {envelope.SequenceNr}\nevent: graded\ndata: {data}\n\n";
    }
}
