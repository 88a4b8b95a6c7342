using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>
/// A sweep's ledger as one metrics collection sees it: the attempts folded, by variant and outcome, and the per-task
/// summary (null without a plan here).
/// </summary>
public sealed record GaugeView(IReadOnlyDictionary<(string Variant, GradeOutcome Outcome), long> Attempts, LedgerSummary? Summary);
