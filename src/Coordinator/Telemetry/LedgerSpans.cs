using System.Diagnostics;
using SweLancer.Messages.Events;
using SweLancer.Messages.Telemetry;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>The ledger's <c>ledger.fold</c> span: the last span of an attempt's trace.</summary>
public static class LedgerSpans
{
    /// <summary>Records that <paramref name="graded"/> was read (and folded, unless a duplicate). Results persisted
    /// without a trace get no span: a trace of one span would say nothing.</summary>
    public static void Folded(TaskGraded graded, bool folded)
    {
        if (graded.TraceParent is null)
            return;
        var span = TraceParent.StartDetached("ledger.fold", ActivityKind.Consumer, TraceParent.ContextOf(graded.TraceParent),
        [
            new(TelemetryTags.SweepId, graded.SweepId),
            new(TelemetryTags.QuestionId, graded.QuestionId),
            new(TelemetryTags.Attempt, graded.Attempt),
            new("swelancer.ledger.duplicate", !folded),
        ]);
        TraceParent.StopDetached(span);
    }
}
