using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>A sweep's whole state, so recovering a long sweep does not replay every result.</summary>
public sealed record SweepSnapshot(
    SweepPlanned Plan,
    IReadOnlyList<TaskGraded> Results) : ISweLancerMessage;
