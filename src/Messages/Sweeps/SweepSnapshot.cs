using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>
/// A sweep's whole state with every result, as snapshots were written before <see cref="SweepMarksSnapshot"/>: still
/// read, so a sweep snapshotted by an older version resumes.
/// </summary>
public sealed record SweepSnapshot(
    SweepPlanned Plan,
    IReadOnlyList<TaskGraded> Results) : ISweLancerMessage;
