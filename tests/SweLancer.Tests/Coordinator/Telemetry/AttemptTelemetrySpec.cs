using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.TestKit.Xunit;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Coordinator.Telemetry;
using SweLancer.Domain.Ledger;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Telemetry;
using Xunit;

// TestKit's expectations carry their own timeouts; threading the test's token through each adds nothing.
#pragma warning disable xUnit1051
using static SweLancer.Tests.TestData;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Tests.Coordinator.Telemetry;

/// <summary>
/// One attempt through the real sweep actor and grading entity, with a retried system error on the way: its spans
/// form one trace carried by GradeTask and TaskGraded, and the instruments report it. Other specs run sweeps in this
/// process at the same time, so everything is read for this spec's own sweep id.
/// </summary>
public sealed class AttemptTelemetrySpec() : TestKit(ConfigurationFactory.ParseString(SerializationConfig.Hocon + """

    akka.actor.provider = cluster
    akka.remote.dot-netty.tcp.hostname = 127.0.0.1
    akka.remote.dot-netty.tcp.port = 0
    akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
    akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
    akka.loglevel = WARNING
    """))
{
    private static readonly DispatchPolicy FastPolicy = DispatchPolicy.Default with
    {
        AnswerTimeout = TimeSpan.FromSeconds(30),
        FirstRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Dispatch, a grader's retryable system error, the retry graded by a real entity, persisted; returns the journaled result.</summary>
    private async Task<TaskGraded> GradeOneAttemptWithARetryAsync(string sweepId)
    {
        var graders = CreateTestProbe();
        var entity = Sys.ActorOf(GradingEntity.Props(new TaskGrader([]), new RecentAnswers()));
        var plan = SweepPlanner.Plan(sweepId, [Manager("m1", 300m)], [Choose("m1", "2")]);
        var sweep = Sys.ActorOf(SweepActor.Props(plan, graders, FastPolicy));

        var first = graders.ExpectMsg<GradeTask>();
        sweep.Tell(Graded("m1", GradeOutcome.SystemError, 300m, sweep: sweepId) with { Retryable = true, TraceParent = first.TraceParent });
        var retry = graders.ExpectMsg<GradeTask>(TimeSpan.FromSeconds(5));
        entity.Tell(retry, sweep);

        await AwaitAssertAsync(async () =>
        {
            var progress = await sweep.Ask<SweepProgress>(GetSweepProgress.Instance, TimeSpan.FromSeconds(3));
            Assert.Equal((1, 1), (progress.Graded, progress.Passed));
        });
        var journaled = new TaskCompletionSource<TaskGraded>();
        Sys.ActorOf(Props.Create(() => new JournalReader(SweepActor.PersistenceIdOf(sweepId), journaled)));
        return await journaled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task One_attempt_is_one_trace_from_dispatch_through_a_retry_and_another_node_to_the_ledger()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(SweLancerTelemetry.Name).AddInMemoryExporter(exported).Build();
        var sweepId = "trace-" + Guid.NewGuid().ToString("N")[..8];

        var journaled = await GradeOneAttemptWithARetryAsync(sweepId);
        LedgerSpans.Folded(journaled, folded: true);

        List<Activity> spans;
        lock (exported)
            spans = exported.Where(a => Equals(a.GetTagItem(TelemetryTags.SweepId), sweepId)).ToList();
        var dispatches = spans.Where(s => s.OperationName == "dispatch").OrderBy(s => s.StartTimeUtc).ToList();
        var grade = Assert.Single(spans, s => s.OperationName == "grade");
        var persist = Assert.Single(spans, s => s.OperationName == "persist");
        var fold = Assert.Single(spans, s => s.OperationName == "ledger.fold");

        Assert.Equal(2, dispatches.Count);
        Assert.Single(spans.Select(s => s.TraceId).Distinct());
        Assert.Equal(default, dispatches[0].ParentSpanId); // the attempt's root
        Assert.Equal(dispatches[0].SpanId, dispatches[1].ParentSpanId); // the retry stays in the attempt's trace
        Assert.Equal(dispatches[1].SpanId, grade.ParentSpanId); // across the message to the grader
        Assert.Equal(grade.SpanId, persist.ParentSpanId); // back in TaskGraded
        Assert.Equal(persist.Id, journaled.TraceParent); // the journal carries it on to the ledger
        Assert.Equal(persist.SpanId, fold.ParentSpanId);
        Assert.Equal((ActivityKind.Producer, ActivityKind.Consumer), (dispatches[0].Kind, grade.Kind));
        Assert.Equal("passed", grade.GetTagItem(TelemetryTags.Outcome));
    }

    [Fact]
    public async Task The_instruments_report_the_attempt_its_retry_and_the_ledger_totals()
    {
        var exported = new List<MetricSnapshot>();
        using var metrics = Sdk.CreateMeterProviderBuilder().AddMeter(SweLancerTelemetry.Name).AddInMemoryExporter(exported).Build();
        var sweepId = "metrics-" + Guid.NewGuid().ToString("N")[..8];

        var journaled = await GradeOneAttemptWithARetryAsync(sweepId);
        // What the ledger projection publishes once it has folded the result (it needs a SQL read journal to run).
        CoordinatorMetrics.For(sweepId).Ledger = new FoldedResults(EarningsLedger.FromEntries(sweepId, [journaled]));
        metrics.ForceFlush();

        var points = exported.SelectMany(m => m.MetricPoints.Select(p => (Metric: m, Point: p)))
            .Where(x => Tag(x.Point, TelemetryTags.SweepId) == sweepId).ToList();
        MetricPoint Point(string name, params (string Key, string Value)[] tags) =>
            Assert.Single(points, x => x.Metric.Name == name && tags.All(t => Tag(x.Point, t.Key) == t.Value)).Point;

        Assert.Equal(1, Point("swelancer.sweep.retries", (TelemetryTags.Variant, "swe_manager")).GetSumLong());
        Assert.Equal(1, Point("swelancer.grading.duration", (TelemetryTags.Outcome, "passed")).GetHistogramCount());
        Assert.Equal(1, Point("swelancer.tasks.graded", (TelemetryTags.Variant, "swe_manager"), (TelemetryTags.Outcome, "passed")).GetSumLong());
        Assert.Equal(300.0, Point("swelancer.ledger.earned", (TelemetryTags.Variant, "swe_manager")).GetSumDouble());
        Assert.Equal(300.0, Point("swelancer.sweep.available", (TelemetryTags.Variant, "swe_manager")).GetGaugeLastValueDouble());
        Assert.Equal(1, Point("swelancer.ledger.tasks", (TelemetryTags.Variant, "swe_manager"), (TelemetryTags.Outcome, "passed")).GetGaugeLastValueLong());
        Assert.Equal(0, Point("swelancer.ledger.tasks", (TelemetryTags.Variant, "swe_manager"), (TelemetryTags.Outcome, "failed")).GetGaugeLastValueLong());
        Assert.Equal(0, Point("swelancer.sweep.in_flight").GetSumLong());
        Assert.Equal(0, Point("swelancer.sweep.queued").GetSumLong());
        Assert.Equal(0, Point("swelancer.ledger.lag").GetGaugeLastValueLong());
        Assert.Equal("s", Assert.Single(exported, m => m.Name == "swelancer.grading.duration").Unit);
        Assert.Equal("USD", Assert.Single(exported, m => m.Name == "swelancer.ledger.earned").Unit);
        // Bounded labels only: no metric point carries a question id.
        Assert.DoesNotContain(points, x => Tags(x.Point).Any(t => t.Key == TelemetryTags.QuestionId || Equals(t.Value, "m1")));
    }

    private static IEnumerable<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
            tags.Add(tag);
        return tags;
    }

    private static string? Tag(MetricPoint point, string key) => Tags(point).FirstOrDefault(t => t.Key == key).Value?.ToString();

    /// <summary>Replays a sweep's events (not its snapshot) to hand over the result it persisted.</summary>
    private sealed class JournalReader : ReceivePersistentActor
    {
        public JournalReader(string persistenceId, TaskCompletionSource<TaskGraded> found)
        {
            PersistenceId = persistenceId;
            Recover<TaskGraded>(graded => found.TrySetResult(graded));
            Recover<RecoveryCompleted>(_ => found.TrySetException(new InvalidOperationException("no result in the journal")));
        }

        public override string PersistenceId { get; }

        public override Recovery Recovery => new(SnapshotSelectionCriteria.None);
    }
}
