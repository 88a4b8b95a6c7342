using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>The ledger projection's folded results with the journal offset they reach.</summary>
/// <param name="Offset">The last tag offset folded; the projection resumes after it.</param>
public sealed record LedgerSnapshot(
    string SweepId,
    long Offset,
    IReadOnlyList<TaskGraded> Entries) : ISweLancerMessage;
