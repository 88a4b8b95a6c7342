using System.Text.Json.Serialization;
using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>
/// The ledger projection's folded results, written as rows (<see cref="ResultRowsConverter"/>), with the last of the
/// sweep's event sequence numbers they reach: the projection resumes after it. Snapshots written before as
/// <see cref="LedgerSnapshot"/> still read.
/// </summary>
public sealed record LedgerRowsSnapshot(
    string SweepId,
    long SequenceNr,
    [property: JsonConverter(typeof(ResultRowsConverter))] IReadOnlyList<TaskGraded> Entries) : ISweLancerMessage;
