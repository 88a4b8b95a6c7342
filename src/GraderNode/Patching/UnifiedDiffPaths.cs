namespace SweLancer.GraderNode.Patching;

/// <summary>Reads which files a unified diff (plain or git-style) touches. It does not check the hunks: <c>patch</c> does.</summary>
public static class UnifiedDiffPaths
{
    public const string DevNull = "/dev/null";

    /// <exception cref="FormatException">A header names a path without the a/ or b/ prefix, or a pair is incomplete.</exception>
    public static IReadOnlyList<PatchedFile> Parse(string diff)
    {
        var files = new List<PatchedFile>();
        var lines = diff.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("rename from ", StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].StartsWith("rename to ", StringComparison.Ordinal))
            {
                // git renames without content changes have no ---/+++ pair; the paths carry no prefix here.
                files.Add(new PatchedFile(line["rename from ".Length..], lines[i + 1]["rename to ".Length..]));
                i++;
                continue;
            }
            if (!line.StartsWith("--- ", StringComparison.Ordinal) || i + 1 >= lines.Length || !lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal))
                continue;
            var oldPath = HeaderPath(line[4..], "a/");
            var newPath = HeaderPath(lines[i + 1][4..], "b/");
            if (oldPath is null && newPath is null)
                throw new FormatException($"a file header pair names /dev/null twice (line {i + 1})");
            files.Add(new PatchedFile(oldPath, newPath));
            i++;
        }
        return files;
    }

    /// <summary>The path of a ---/+++ header without its timestamp and prefix; null for /dev/null.</summary>
    private static string? HeaderPath(string header, string prefix)
    {
        var path = header.Split('\t')[0].TrimEnd();
        if (path.Length >= 2 && path[0] == '"' && path[^1] == '"')
            path = path[1..^1];
        if (path == DevNull)
            return null;
        // -p1 strips one component whatever it is; anything other than the prefix would mean a different root.
        if (!path.StartsWith(prefix, StringComparison.Ordinal) && !path.StartsWith(prefix == "a/" ? "b/" : "a/", StringComparison.Ordinal))
            throw new FormatException($"file header '{path}' lacks the a/ or b/ prefix (paths must be relative to the container root, applied with -p1)");
        return path[2..];
    }
}
