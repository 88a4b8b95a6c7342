using SweLancer.Messages.Tasks;

namespace SweLancer.Domain.Import;

/// <summary>A task pool read from a JSON task manifest.</summary>
/// <param name="Name">The pool's name, when the manifest gives one.</param>
/// <param name="Tasks">The tasks, in file order.</param>
public sealed record TaskManifest(string? Name, IReadOnlyList<TaskDefinition> Tasks);
