using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>A sweep's folded results as one metrics collection sees them, with their fold (null without a plan here).</summary>
public sealed record GaugeView(IReadOnlyList<TaskGraded> Results, LedgerSummary? Summary);
