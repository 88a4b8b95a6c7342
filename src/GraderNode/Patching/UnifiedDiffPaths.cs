namespace SweLancer.GraderNode.Patching;

/// <summary>Which files a diff touches, read by the strict <see cref="DiffParser"/> (so a diff it refuses is a FormatException).</summary>
public static class UnifiedDiffPaths
{
    public const string DevNull = DiffParser.DevNull;

    /// <exception cref="FormatException">The diff holds a section or line the parser does not accept; the message names the line.</exception>
    public static IReadOnlyList<PatchedFile> Parse(string diff) => DiffParser.Parse(diff).Files;
}
