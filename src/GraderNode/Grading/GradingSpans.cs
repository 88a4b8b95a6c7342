using System.Diagnostics;
using SweLancer.GraderNode.Telemetry;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Grading;

/// <summary>The <c>grade</c> span of one delivery of an attempt, and its <c>swelancer.grading.duration</c>.</summary>
public static class GradingSpans
{
    /// <summary>
    /// Starts the span under the dispatch that sent <paramref name="command"/> (a root when it carries no trace) and
    /// makes it current, so the pool's, patch's and tests' spans nest under it. Call from the async handler: the
    /// current span then goes back to what it was when the handler returns.
    /// </summary>
    public static Activity? Start(GradeTask command)
    {
        Activity.Current = null; // the parent comes from the message, not from this thread's last work
        return SweLancerTelemetry.Source.StartActivity("grade", ActivityKind.Consumer, TraceParent.ContextOf(command.TraceParent),
        [
            new(TelemetryTags.SweepId, command.SweepId),
            new(TelemetryTags.Variant, command.Task.Variant),
            new(TelemetryTags.QuestionId, command.Task.QuestionId),
            new(TelemetryTags.Attempt, command.Attempt),
            new(TelemetryTags.Delivery, command.Delivery),
        ]);
    }

    public static void Finish(Activity? span, GradeTask command, GradeDecision decision, string node, TimeSpan elapsed)
    {
        var outcome = OutcomeNames.Of(decision.Outcome);
        if (span is not null)
        {
            span.SetTag(TelemetryTags.Outcome, outcome);
            if (decision.Outcome == GradeOutcome.SystemError)
                span.SetStatus(ActivityStatusCode.Error, "system error");
        }
        GraderMetrics.GradingDuration.Record(elapsed.TotalSeconds, new TagList
        {
            { TelemetryTags.SweepId, command.SweepId },
            { TelemetryTags.Variant, command.Task.Variant },
            { TelemetryTags.Outcome, outcome },
            { TelemetryTags.Node, node },
        });
    }
}
