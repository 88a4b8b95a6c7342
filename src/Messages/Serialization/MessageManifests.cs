using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Nodes;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Messages.Serialization;

/// <summary>
/// The stable, versioned names under which messages are written. A journal stores these names, never CLR type
/// names, so classes can be renamed or moved freely; changing a payload's shape means a new version name here.
/// </summary>
public static class MessageManifests
{
    private static readonly IReadOnlyDictionary<Type, string> NamesByType = new Dictionary<Type, string>
    {
        [typeof(GradeTask)] = "grade-task.v1",
        [typeof(TaskGraded)] = "task-graded.v1",
        [typeof(SweepPlanned)] = "sweep-planned.v1",
        [typeof(SweepSnapshot)] = "sweep-snapshot.v1",
        [typeof(SweepMarksSnapshot)] = "sweep-snapshot.v2",
        [typeof(LedgerSnapshot)] = "ledger-snapshot.v1",
        [typeof(LedgerRowsSnapshot)] = "ledger-snapshot.v2",
        [typeof(SweepSubmitted)] = "sweep-submitted.v1",
        [typeof(SweepCancelled)] = "sweep-cancelled.v1",
        [typeof(GetNodeStatus)] = "get-node-status.v1",
        [typeof(NodeStatus)] = "node-status.v1",
    };

    private static readonly IReadOnlyDictionary<string, Type> TypesByName =
        NamesByType.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static string NameOf(Type type) =>
        NamesByType.TryGetValue(type, out var name)
            ? name
            : throw new ArgumentException($"{type.FullName} has no serialization manifest; add one to {nameof(MessageManifests)}.");

    public static Type TypeOf(string manifest) =>
        TypesByName.TryGetValue(manifest, out var type)
            ? type
            : throw new ArgumentException($"Unknown message manifest '{manifest}': this journal was written by a newer or foreign version.");
}
