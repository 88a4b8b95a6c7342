using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Ledger;

/// <summary>Ask the ledger projection for a <see cref="LedgerView"/>.</summary>
public sealed record GetLedger
{
    public static readonly GetLedger Instance = new();
}

/// <summary>What the ledger has folded so far, and the journal offset it has reached.</summary>
public sealed record LedgerView(string SweepId, long Offset, IReadOnlyList<TaskGraded> Entries);

/// <summary>
/// Ask for the results the ledger projection folded after its first <paramref name="Start"/>, in the order it folded
/// them, so that a reader keeps up with a growing ledger by its new results alone. The order holds for one incarnation
/// of the projection: asked with another <paramref name="Incarnation"/> (a restarted projection, or <see cref="Guid.Empty"/>
/// the first time), it answers from its first result.
/// </summary>
public sealed record GetLedgerSince(Guid Incarnation, int Start);

/// <summary>The answer to <see cref="GetLedgerSince"/>: the folded results from <paramref name="Start"/> on.</summary>
public sealed record LedgerTail(string SweepId, long Offset, Guid Incarnation, int Start, IReadOnlyList<TaskGraded> Entries);

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
