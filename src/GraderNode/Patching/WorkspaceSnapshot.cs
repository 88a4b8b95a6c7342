namespace SweLancer.GraderNode.Patching;

/// <summary>
/// What a folder tree holds (kind, size, mode, modification time and link target of every entry, without reading
/// contents), so that two snapshots tell which paths applying a patch created, deleted or changed. GNU patch writes a
/// changed file anew, so its time changes even when its size does not.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Dictionary<string, Entry> _entries;

    private WorkspaceSnapshot(Dictionary<string, Entry> entries) => _entries = entries;

    private sealed record Entry(char Kind, long Size, UnixFileMode Mode, DateTime Written, string? Target);

    public static WorkspaceSnapshot Take(string root)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (Directory.Exists(root))
            Walk(new DirectoryInfo(root), root, entries);
        return new WorkspaceSnapshot(entries);
    }

    // Links are recorded, never followed: a write through one shows up where it lands only if that is inside the tree.
    private static void Walk(DirectoryInfo folder, string root, Dictionary<string, Entry> entries)
    {
        foreach (var info in folder.EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
            var mode = OperatingSystem.IsWindows() ? default : info.UnixFileMode;
            if (info.LinkTarget is { } target)
                entries[relative] = new Entry('l', 0, mode, info.LastWriteTimeUtc, target);
            else if (info is DirectoryInfo dir)
            {
                entries[relative] = new Entry('d', 0, mode, default, null);
                Walk(dir, root, entries);
            }
            else
                entries[relative] = new Entry('f', ((FileInfo)info).Length, mode, info.LastWriteTimeUtc, null);
        }
    }

    /// <summary>Paths (relative, '/'-separated) that are new, gone or different in <paramref name="after"/>.</summary>
    public IReadOnlySet<string> ChangedIn(WorkspaceSnapshot after)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, entry) in _entries)
        {
            if (!after._entries.TryGetValue(path, out var now) || now != entry)
                changed.Add(path);
        }
        foreach (var path in after._entries.Keys)
        {
            if (!_entries.ContainsKey(path))
                changed.Add(path);
        }
        return changed;
    }

    /// <summary>
    /// The changes that <paramref name="approved"/> does not explain: a changed path must be approved itself, or be a
    /// folder that holds an approved path (patch makes and removes the folders of the files it creates and deletes).
    /// </summary>
    public static IReadOnlyList<string> Unexplained(IReadOnlySet<string> changed, IReadOnlySet<string> approved) =>
        changed.Where(path => !approved.Contains(path) && !approved.Any(a => a.StartsWith(path + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
}
