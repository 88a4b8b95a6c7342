using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Patching;

/// <summary>
/// Decides whether a model's patch stays where the task allows, from the same parse that is then applied
/// (<see cref="DiffParser"/>: a section it does not understand is refused, naming its line, and prose around the diff
/// is dropped before GNU patch sees it). Every path a section touches, old and new, must lie in the app's folders
/// (the acceptable folders, or the task's cwd when it names none), outside the hidden tests, and not be named like a
/// hidden test: a patch that reaches elsewhere could change what is being judged, so it is the model's failure.
/// </summary>
/// <remarks>
/// Modes: a new or changed file may be executable (100755) only where it may be at all, inside the app's folders;
/// symbolic links, submodules and other modes are refused everywhere (a link inside the app could point anywhere).
/// </remarks>
public static class PatchPolicy
{
    public static PatchVerdict Check(string patch, IcTaskSpec spec)
    {
        ParsedDiff parsed;
        try
        {
            parsed = DiffParser.Parse(patch);
        }
        catch (DiffFormatException ex)
        {
            return PatchVerdict.Reject($"patch rejected: {ex.Message}");
        }
        if (parsed.Sections.Count == 0)
            return patch.Trim().Length > 0
                ? PatchVerdict.Reject("patch rejected: no file headers (---/+++ or diff --git) found in the patch")
                : PatchVerdict.Allow([]);

        var folders = AppFolders(spec);
        if (folders.Count == 0)
            return PatchVerdict.Reject("patch rejected: the task names neither acceptable_folders nor a cwd, so no path may be patched");
        var hiddenNames = (spec.HiddenTests ?? []).Select(f => Path.GetFileName(f.RelativePath)).ToHashSet(StringComparer.Ordinal);
        foreach (var section in parsed.Sections)
        {
            foreach (var path in section.File.Paths)
            {
                if (Problem(path, folders, hiddenNames) is { } problem)
                    return PatchVerdict.Reject($"patch rejected: {path}: {problem} (line {section.Line})");
            }
        }
        return PatchVerdict.Allow(parsed.Files) with { Diff = parsed.PatchText, Paths = parsed.Paths };
    }

    /// <summary>
    /// Where the app lives, relative to the container root: the acceptable folders, or the cwd when the task names none
    /// (an empty list used to allow any path but the hidden tests, /usr/sbin included). Only these are patched and installed.
    /// </summary>
    public static IReadOnlyList<string> AppFolders(IcTaskSpec spec)
    {
        var folders = spec.AcceptableFolders.Select(Normalise).Where(f => f.Length > 0).Distinct().ToList();
        if (folders.Count == 0 && spec.Cwd is { } cwd && Normalise(cwd).Length > 0)
            folders.Add(Normalise(cwd));
        return folders;
    }

    private static string? Problem(string path, IReadOnlyList<string> folders, HashSet<string> hiddenNames)
    {
        var parts = path.Split('/');
        var relativeMount = IcTaskSpec.HiddenTestsMount.TrimStart('/');
        if (path == relativeMount || path.StartsWith(relativeMount + "/", StringComparison.Ordinal))
            return "touches the hidden tests";
        if (hiddenNames.Contains(parts[^1]) && LooksLikeTest(parts[^1]))
            return "touches a file named like the task's hidden tests";
        if (!folders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal)))
            return $"outside the acceptable folders ({string.Join(", ", folders)})";
        return null;
    }

    // Only names that are tests: a hidden "package.json" beside the tests must not forbid the app's own package.json.
    private static bool LooksLikeTest(string name) =>
        name.Contains("test", StringComparison.OrdinalIgnoreCase) || name.Contains("spec", StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string folder) => folder.Replace('\\', '/').Trim().Trim('/');
}
