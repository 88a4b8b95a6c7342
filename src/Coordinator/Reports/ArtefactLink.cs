namespace SweLancer.Coordinator.Reports;

/// <summary>A link from the report to one artefact file (screenshot, Playwright trace, log).</summary>
/// <param name="Href">Relative to the report's folder when the file is under it, so the run folder can be moved or archived whole; else a file:// URL.</param>
public sealed record ArtefactLink(string Href, string Label, string Kind)
{
    public static ArtefactLink Of(string artefactPath, string reportFolder)
    {
        var full = Path.GetFullPath(artefactPath, reportFolder);
        var relative = Path.GetRelativePath(Path.GetFullPath(reportFolder), full);
        var href = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new Uri(full).AbsoluteUri
            : string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
        return new ArtefactLink(href, Path.GetFileName(full), KindOf(full));
    }

    private static string KindOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".trace.zip", StringComparison.Ordinal))
            return "trace";
        return Path.GetExtension(name) switch
        {
            ".png" or ".jpg" or ".jpeg" or ".webp" => "screenshot",
            ".log" or ".txt" => "log",
            _ => "file",
        };
    }
}
