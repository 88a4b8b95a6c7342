using System.Text.Json.Serialization;
using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>
/// The ledger projection's folded results, written as rows (<see cref="ResultRowsConverter"/>), with the last of the
/// sweep's event sequence numbers they reach: the projection resumes after it. Snapshots written before as
/// <see cref="LedgerSnapshot"/> still read.
/// </summary>
/// <param name="Unfolded">How many planned results the ledger had not folded yet, or null when it did not know the
/// plan (snapshots written before this was recorded read as null). At 0 a reopened ledger need not read the plan again.</param>
public sealed record LedgerRowsSnapshot(
    string SweepId,
    long SequenceNr,
    [property: JsonConverter(typeof(ResultRowsConverter))] IReadOnlyList<TaskGraded> Entries,
    int? Unfolded = null) : ISweLancerMessage;
