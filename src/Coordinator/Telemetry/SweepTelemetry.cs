using System.Diagnostics;
using SweLancer.Domain.Planning;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Telemetry;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>
/// One sweep actor's spans and metrics. Each attempt gets one trace: its first <c>dispatch</c> span is the root, and
/// redeliveries and retries are dispatched under it; the trace context travels in <c>GradeTask</c> and comes back in
/// <c>TaskGraded</c>, under which the <c>persist</c> span is made. Used only from the actor's thread.
/// </summary>
public sealed class SweepTelemetry
{
    private readonly string _sweepId;
    private readonly SweepGaugeState _gauges;
    private readonly Dictionary<ResultKey, ActivityContext> _traces = [];

    public SweepTelemetry(SweepPlan plan)
    {
        _sweepId = plan.SweepId;
        _gauges = CoordinatorMetrics.For(plan.SweepId);
        _gauges.Plan = plan.Planned();
    }

    /// <summary>Marks one send of <paramref name="item"/>; returns the trace parent the <c>GradeTask</c> carries.</summary>
    public string? Dispatched(SweepWorkItem item, int delivery)
    {
        var root = _traces.GetValueOrDefault(item.Key);
        var span = TraceParent.StartDetached("dispatch", ActivityKind.Producer, root,
        [
            new(TelemetryTags.SweepId, _sweepId),
            new(TelemetryTags.Variant, item.Task.Variant),
            new(TelemetryTags.QuestionId, item.Task.QuestionId),
            new(TelemetryTags.Attempt, item.Attempt),
            new(TelemetryTags.Delivery, delivery),
        ]);
        if (span is null)
            return null;
        if (root == default)
            _traces[item.Key] = span.Context;
        TraceParent.StopDetached(span);
        return TraceParent.Of(span);
    }

    public void Redelivered(int count)
    {
        if (count > 0)
            CoordinatorMetrics.Redeliveries.Add(count, new KeyValuePair<string, object?>(TelemetryTags.SweepId, _sweepId));
    }

    public void RetryScheduled(TaskGraded graded) =>
        CoordinatorMetrics.Retries.Add(1, new(TelemetryTags.SweepId, _sweepId), new(TelemetryTags.Variant, graded.Variant));

    /// <summary>Starts the <c>persist</c> span of an accepted result, under the grading that produced it.</summary>
    public Activity? StartPersist(TaskGraded graded)
    {
        _traces.Remove(graded.Key);
        return TraceParent.StartDetached("persist", ActivityKind.Internal, TraceParent.ContextOf(graded.TraceParent),
        [
            new(TelemetryTags.SweepId, _sweepId),
            new(TelemetryTags.Variant, graded.Variant),
            new(TelemetryTags.QuestionId, graded.QuestionId),
            new(TelemetryTags.Attempt, graded.Attempt),
            new(TelemetryTags.Outcome, OutcomeNames.Of(graded.Outcome)),
        ]);
    }

    public static void Persisted(Activity? span) => TraceParent.StopDetached(span);

    /// <summary>Publishes the window and the count of persisted results for the gauges.</summary>
    public void Observe(int inFlight, int queued, int persisted) => _gauges.Observe(inFlight, queued, persisted);
}
