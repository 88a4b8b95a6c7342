namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// What a diff may name before it is applied in the container's /app/expensify: relative paths inside the app. git
/// apply refuses the rest itself; this also holds for the fuzzy fallback, whichever header style the diff uses.
/// </summary>
public static class ProtocolPatchCheck
{
    private static readonly string[] PathHeaders = ["--- ", "+++ ", "*** ", "rename from ", "rename to ", "copy from ", "copy to "];

    public static string? Problem(string patch)
    {
        var lineNumber = 0;
        foreach (var raw in patch.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                foreach (var part in line["diff --git ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (PathProblem(part) is { } problem)
                        return $"line {lineNumber}: {problem}";
                }
                continue;
            }
            var header = PathHeaders.FirstOrDefault(h => line.StartsWith(h, StringComparison.Ordinal));
            if (header is null || IsHunkMarker(line))
                continue;
            var path = line[header.Length..].Split('\t')[0].Trim().Trim('"');
            if (PathProblem(path) is { } pathProblem)
                return $"line {lineNumber}: {pathProblem}";
        }
        return null;
    }

    // "--- 1,4 ----" and "*** 1,4 ****" are context-format hunk ranges, not file names.
    private static bool IsHunkMarker(string line) =>
        (line.StartsWith("--- ", StringComparison.Ordinal) && line.EndsWith(" ----", StringComparison.Ordinal))
        || (line.StartsWith("*** ", StringComparison.Ordinal) && line.EndsWith(" ****", StringComparison.Ordinal))
        || line.StartsWith("***************", StringComparison.Ordinal);

    private static string? PathProblem(string path)
    {
        if (path == "/dev/null")
            return null;
        if (path.StartsWith('/') || path.StartsWith('~'))
            return $"'{path}' is an absolute path; a patch applies inside the app";
        if (path.Contains('\\') || path.Contains('\0'))
            return $"'{path}' is malformed";
        if (path.Split('/').Any(p => p == ".."))
            return $"'{path}' leaves the app with '..'";
        return null;
    }
}
