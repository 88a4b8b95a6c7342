using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Telemetry;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>
/// The coordinator's instruments: per sweep, the ledger's totals (graded attempts, dollars earned), dollars available,
/// the dispatch window (in flight, queued), the ledger's lag, and counters of retries and redeliveries.
/// The observed ones read <see cref="SweepGaugeState"/>s, one per sweep this process has run.
/// </summary>
public static class CoordinatorMetrics
{
    private static readonly ConcurrentDictionary<string, SweepGaugeState> Sweeps = new(StringComparer.Ordinal);

    public static Counter<long> Retries { get; } = SweLancerTelemetry.Meter.CreateCounter<long>("swelancer.sweep.retries", "{retry}",
        "Retryable system errors sent back to the graders (with backoff) instead of being recorded.");

    public static Counter<long> Redeliveries { get; } = SweLancerTelemetry.Meter.CreateCounter<long>("swelancer.sweep.redeliveries", "{delivery}",
        "Attempts sent again because no answer came within the answer timeout.");

    static CoordinatorMetrics()
    {
        var meter = SweLancerTelemetry.Meter;
        meter.CreateObservableCounter("swelancer.tasks.graded", ObserveGraded, "{attempt}",
            "Task attempts folded into the ledger, by variant and outcome; each (question_id, attempt) once.");
        meter.CreateObservableCounter("swelancer.ledger.earned", () => ByVariant(v => (double)v.EarnedUsd), "USD",
            "Dollars earned so far according to the ledger: each passed task's price, once.");
        meter.CreateObservableGauge("swelancer.sweep.available", () => ByVariant(v => (double)v.AvailableUsd), "USD",
            "Dollars the sweep's tasks are worth: each task's price, once.");
        meter.CreateObservableGauge("swelancer.ledger.tasks", ObserveTasks, "{task}",
            "Tasks decided so far, by variant and outcome, counted per task as summary.json counts them.");
        meter.CreateObservableUpDownCounter("swelancer.sweep.in_flight", () => Each(s => s.Persisted >= 0 ? s.InFlight : null), "{attempt}",
            "Attempts sent to the graders and not answered yet.");
        meter.CreateObservableUpDownCounter("swelancer.sweep.queued", () => Each(s => s.Persisted >= 0 ? s.Queued : null), "{attempt}",
            "Attempts waiting to be sent: not yet dispatched, or waiting out a retry backoff.");
        meter.CreateObservableGauge("swelancer.ledger.lag", () => Each(s => s.LedgerLag), "{event}",
            "Results the sweep has persisted that the ledger projection has not folded yet.");
    }

    /// <summary>The state of <paramref name="sweepId"/>, created on first use.</summary>
    public static SweepGaugeState For(string sweepId) => Sweeps.GetOrAdd(sweepId, id => new SweepGaugeState(id));

    private static KeyValuePair<string, object?> Sweep(SweepGaugeState state) => new(TelemetryTags.SweepId, state.SweepId);

    private static IEnumerable<Measurement<int>> Each(Func<SweepGaugeState, int?> value) =>
        Sweeps.Values.Select(s => (State: s, Value: value(s)))
            .Where(p => p.Value is not null)
            .Select(p => new Measurement<int>(p.Value!.Value, Sweep(p.State)));

    // Registered first, so it runs first in each collection: it takes the view the collection's other instruments read.
    private static IEnumerable<Measurement<long>> ObserveGraded() =>
        Sweeps.Values.Where(s => s.Ledger is not null).SelectMany(s => s.Refresh().Attempts
            .Select(a => new Measurement<long>(a.Value,
                Sweep(s), new(TelemetryTags.Variant, a.Key.Variant), new(TelemetryTags.Outcome, OutcomeNames.Of(a.Key.Outcome)))));

    /// <summary>One measurement per variant of each sweep whose plan is known here, from the one per-task fold.</summary>
    private static IEnumerable<Measurement<double>> ByVariant(Func<VariantSummary, double> value) =>
        Sweeps.Values.Select(s => (State: s, s.View.Summary)).Where(p => p.Summary is not null)
            .SelectMany(p => p.Summary!.ByVariant.Select(v => new Measurement<double>(value(v.Value),
                Sweep(p.State), new(TelemetryTags.Variant, v.Key))));

    private static IEnumerable<Measurement<long>> ObserveTasks() =>
        Sweeps.Values.Select(s => (State: s, s.View.Summary)).Where(p => p.Summary is not null)
            .SelectMany(p => p.Summary!.ByVariant.SelectMany(v => new[]
            {
                (Outcome: GradeOutcome.Passed, Count: v.Value.Passed),
                (Outcome: GradeOutcome.Failed, Count: v.Value.Failed),
                (Outcome: GradeOutcome.SystemError, Count: v.Value.SystemErrors),
            }.Select(o => new Measurement<long>(o.Count, Sweep(p.State), new(TelemetryTags.Variant, v.Key),
                new(TelemetryTags.Outcome, OutcomeNames.Of(o.Outcome))))));
}
