using System.Text.RegularExpressions;

namespace SweLancer.Tests.Architecture;

/// <summary>
/// The C# sources under src/, read as text: each file's project, top folder and the project namespaces it imports.
/// A using directive is how this codebase reaches another folder, so the folder graph is read from them.
/// </summary>
public static partial class SourceTree
{
    public sealed record SourceFile(string Path, string Project, string Folder, string Text, IReadOnlyList<string> Usings);

    public static IReadOnlyList<SourceFile> Files { get; } = Load();

    /// <summary>Edges between top folders of one project: (project, from folder) to to-folder, with the files behind each.</summary>
    public static IReadOnlyDictionary<(string Project, string From, string To), List<string>> FolderEdges()
    {
        var edges = new Dictionary<(string, string, string), List<string>>();
        foreach (var file in Files)
        {
            foreach (var target in file.Usings.Select(u => u.Split('.')).Where(p => p.Length >= 3 && p[0] == "SweLancer" && p[1] == file.Project))
            {
                if (target[2] == file.Folder)
                    continue;
                var key = (file.Project, file.Folder, target[2]);
                if (!edges.TryGetValue(key, out var files))
                    edges[key] = files = [];
                files.Add(file.Path);
            }
        }

        return edges;
    }

    private static List<SourceFile> Load()
    {
        var src = System.IO.Path.Combine(Shared.SharedDataset.RepoRoot, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => System.IO.Path.GetRelativePath(src, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Select(path =>
            {
                var parts = path.Split('/');
                var text = File.ReadAllText(System.IO.Path.Combine(src, path));
                return new SourceFile("src/" + path, parts[0], parts.Length > 2 ? parts[1] : ".", text,
                    Using().Matches(text).Select(m => m.Groups[1].Value).ToList());
            })
            .ToList();
    }

    [GeneratedRegex(@"^using ([A-Za-z0-9_.]+);", RegexOptions.Multiline)]
    private static partial Regex Using();
}
