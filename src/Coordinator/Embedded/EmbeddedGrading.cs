using SweLancer.GraderNode.Hosting;

namespace SweLancer.Coordinator.Embedded;

/// <summary>
/// How a coordinator process grades when it has the grader role too (the `sweep` command, or `coordinator --roles
/// coordinator,grader`): the grader role's settings, which the rest of the coordinator carries without reading.
/// </summary>
public sealed record EmbeddedGrading(GraderSettings Settings);
