namespace SweLancer.GraderNode.Patching;

/// <summary>One file a unified diff touches, with the a/ and b/ prefixes removed (so relative to the container root).</summary>
/// <param name="OldPath">Path before the change, null for a new file.</param>
/// <param name="NewPath">Path after the change, null for a deleted file.</param>
public sealed record PatchedFile(string? OldPath, string? NewPath)
{
    public IEnumerable<string> Paths => new[] { OldPath, NewPath }.OfType<string>().Distinct();

    public bool IsDeletion => NewPath is null;
}
