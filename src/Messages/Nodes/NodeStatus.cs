namespace SweLancer.Messages.Nodes;

/// <summary>A grader node's own view of its resources, read at <see cref="ReadAt"/>.</summary>
/// <param name="Containers">Its container pool, or null when Docker is not usable there (see <see cref="Problem"/>).</param>
/// <param name="Browser">"running", "not started" (no browser test has run yet), "disconnected" or "unavailable".</param>
/// <param name="GradingEntities">Grading entities alive on the node (attempts being graded or not yet passivated), or null if unknown.</param>
/// <param name="Problem">Why ic_swe tasks cannot be graded on this node, or null.</param>
/// <param name="Images">Task images this node has on its engine (found there or pulled), sorted; null if unknown.</param>
public sealed record NodeStatus(
    string NodeId,
    ContainerPoolUse? Containers,
    string Browser,
    int? GradingEntities,
    string? Problem,
    DateTimeOffset ReadAt,
    IReadOnlyList<string>? Images = null) : ISweLancerMessage;
