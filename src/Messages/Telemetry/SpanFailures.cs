using System.Diagnostics;

namespace SweLancer.Messages.Telemetry;

/// <summary>Records exceptions on spans.</summary>
public static class SpanFailures
{
    /// <summary>
    /// Records <paramref name="exception"/> on <paramref name="span"/> and marks it failed. Returns false, so it can sit in
    /// an exception filter (<c>catch (Exception ex) when (span.RecordFailure(ex))</c>) that records without catching.
    /// </summary>
    public static bool RecordFailure(this Activity? span, Exception exception)
    {
        if (span is null)
            return false;
        span.AddException(exception);
        span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span.SetTag(TelemetryTags.ErrorType, exception.GetType().FullName);
        return false;
    }
}
