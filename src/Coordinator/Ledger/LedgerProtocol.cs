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

/// <summary>
/// Ask the ledger projection to snapshot whatever it folded since its last snapshot; answered with
/// <see cref="LedgerSnapshotted"/> once written (or failed, which only means a restart re-reads more events). A finished
/// sweep's command asks before it stops the cluster, so reopening the sweep replays nothing.
/// </summary>
public sealed record SnapshotLedger
{
    public static readonly SnapshotLedger Instance = new();
}

/// <summary>The answer to <see cref="SnapshotLedger"/>: <paramref name="Saved"/> is false when the write failed.</summary>
public sealed record LedgerSnapshotted(bool Saved);
