using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Patching;

/// <summary>
/// Decides whether a model's patch stays where the task allows. A patch that reaches outside the acceptable folders,
/// into the hidden tests, or escapes the root could change what is being judged, so it is the model's failure.
/// </summary>
public static class PatchPolicy
{
    public static PatchVerdict Check(string patch, IcTaskSpec spec)
    {
        IReadOnlyList<PatchedFile> files;
        try
        {
            files = UnifiedDiffPaths.Parse(patch);
        }
        catch (FormatException ex)
        {
            return PatchVerdict.Reject($"patch rejected: {ex.Message}");
        }
        if (files.Count == 0 && patch.Trim().Length > 0)
            return PatchVerdict.Reject("patch rejected: no file headers (---/+++) found in the patch");

        var folders = spec.AcceptableFolders.Select(Normalise).Where(f => f.Length > 0).ToList();
        var hiddenNames = (spec.HiddenTests ?? []).Select(f => Path.GetFileName(f.RelativePath)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in files.SelectMany(f => f.Paths))
        {
            if (Problem(path, folders, hiddenNames) is { } problem)
                return PatchVerdict.Reject($"patch rejected: {path}: {problem}");
        }
        return PatchVerdict.Allow(files);
    }

    private static string? Problem(string path, List<string> folders, HashSet<string> hiddenNames)
    {
        if (path.Length == 0)
            return "empty path";
        if (path.StartsWith('/') || path.Contains('\\') || path.Contains('\0'))
            return "absolute or malformed path";
        var parts = path.Split('/');
        if (parts.Any(p => p is ".." or "."))
            return "path with '.' or '..' components";
        var relativeMount = IcTaskSpec.HiddenTestsMount.TrimStart('/');
        if (path == relativeMount || path.StartsWith(relativeMount + "/", StringComparison.Ordinal))
            return "touches the hidden tests";
        if (hiddenNames.Contains(parts[^1]) && LooksLikeTest(parts[^1]))
            return "touches a file named like the task's hidden tests";
        if (folders.Count > 0 && !folders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal)))
            return $"outside the acceptable folders ({string.Join(", ", folders)})";
        return null;
    }

    // Only names that are tests: a hidden "package.json" beside the tests must not forbid the app's own package.json.
    private static bool LooksLikeTest(string name) =>
        name.Contains("test", StringComparison.OrdinalIgnoreCase) || name.Contains("spec", StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string folder) => folder.Replace('\\', '/').Trim().Trim('/');
}
