using System.Diagnostics;

namespace SweLancer.Messages.Telemetry;

/// <summary>
/// W3C trace context as text (<c>00-traceid-spanid-flags</c>), the form it takes inside actor messages so a trace
/// crosses nodes with the message that caused the work.
/// </summary>
public static class TraceParent
{
    /// <summary>The span's W3C id, or null when nothing is being recorded.</summary>
    public static string? Of(Activity? span) =>
        span is { IdFormat: ActivityIdFormat.W3C } ? span.Id : null;

    /// <summary>The parent context carried by a message; default (no parent) when absent or malformed.</summary>
    public static ActivityContext ContextOf(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;

    /// <summary>
    /// Starts a span whose parent is exactly <paramref name="parent"/> (a root when default), never whatever span happens
    /// to be current on this thread, and leaves the current span as it was: actors start spans in one message and end
    /// them in another.
    /// </summary>
    public static Activity? StartDetached(string name, ActivityKind kind, ActivityContext parent, IEnumerable<KeyValuePair<string, object?>>? tags = null)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            return SweLancerTelemetry.Source.StartActivity(name, kind, parent, tags);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <summary>Ends a span started with <see cref="StartDetached"/> without changing the current span.</summary>
    public static void StopDetached(Activity? span)
    {
        if (span is null)
            return;
        var previous = Activity.Current;
        span.Stop();
        Activity.Current = previous;
    }
}
