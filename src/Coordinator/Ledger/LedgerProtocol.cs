using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Ledger;

/// <summary>Ask the ledger projection for a <see cref="LedgerView"/>.</summary>
public sealed record GetLedger
{
    public static readonly GetLedger Instance = new();
}

/// <summary>What the ledger has folded so far, and the journal offset it has reached.</summary>
public sealed record LedgerView(string SweepId, long Offset, IReadOnlyList<TaskGraded> Entries);

/// <summary>Ask how many results the ledger has folded; cheaper than a whole <see cref="LedgerView"/> while waiting.</summary>
public sealed record GetLedgerCount
{
    public static readonly GetLedgerCount Instance = new();
}
