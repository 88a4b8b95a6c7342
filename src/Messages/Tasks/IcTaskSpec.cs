namespace SweLancer.Messages.Tasks;

/// <summary>What grading an IC SWE task needs. Filled in by the container runner's issue; for now only what the task table says.</summary>
/// <param name="AcceptableFolders">Folders of the app a patch may touch, as listed by the task table.</param>
/// <param name="Cwd">Working directory of the app inside its environment.</param>
public sealed record IcTaskSpec(IReadOnlyList<string> AcceptableFolders, string? Cwd);
