using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>The ledger projection's folded results with the point of the sweep's events they reach.</summary>
/// <param name="Offset">Snapshots written before <paramref name="SequenceNr"/> existed: a tag offset, no longer used.</param>
/// <param name="SequenceNr">The last of the sweep's event sequence numbers folded; the projection resumes after it. Null
/// in older snapshots, which are then re-read from the sweep's first event (the keyed fold counts nothing twice).</param>
public sealed record LedgerSnapshot(
    string SweepId,
    long Offset,
    IReadOnlyList<TaskGraded> Entries,
    long? SequenceNr = null) : ISweLancerMessage;
