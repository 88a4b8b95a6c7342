namespace SweLancer.GraderNode.Patching;

/// <summary>One file's section of a diff as <see cref="DiffParser"/> understood it: the paths it touches (relative to the
/// container root), the mode it leaves the file with, and its exact lines (headers and unified hunks).</summary>
/// <param name="Line">1-based line of the section's first header.</param>
/// <param name="NewMode">The git mode the file gets (100644 or 100755), when the section says.</param>
public sealed record DiffSection(int Line, string? OldPath, string? NewPath, string? NewMode, IReadOnlyList<string> Lines)
{
    public PatchedFile File => new(OldPath, NewPath);

    public bool MakesExecutable => NewMode == DiffParser.ExecutableMode;
}
