namespace SweLancer.GraderNode.Patching;

/// <summary>One file as a patch left it: its bytes and mode.</summary>
public sealed record DeltaFile(byte[] Content, UnixFileMode Mode);

/// <summary>
/// What patches did to a tree, by path (relative, '/'-separated): files written (whole new contents) and files removed.
/// Small: only the files a diff names, so it travels into a container instead of the whole app.
/// </summary>
public sealed class FileDelta
{
    private readonly Dictionary<string, DeltaFile?> _entries;

    public FileDelta() : this(new Dictionary<string, DeltaFile?>(StringComparer.Ordinal))
    {
    }

    private FileDelta(Dictionary<string, DeltaFile?> entries) => _entries = entries;

    public static FileDelta Empty { get; } = new();

    public void Write(string path, DeltaFile file) => _entries[path] = file;

    public void Remove(string path) => _entries[path] = null;

    /// <summary>True when the delta says something of <paramref name="path"/>; <paramref name="file"/> is null when it removed it.</summary>
    public bool TryGet(string path, out DeltaFile? file) => _entries.TryGetValue(path, out file);

    public IEnumerable<KeyValuePair<string, DeltaFile>> Written =>
        _entries.Where(e => e.Value is not null).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, e.Value!));

    public IReadOnlyList<string> Removed => _entries.Where(e => e.Value is null).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>This delta followed by <paramref name="later"/>: where both name a path, the later one wins.</summary>
    public FileDelta Then(FileDelta later)
    {
        var merged = new Dictionary<string, DeltaFile?>(_entries, StringComparer.Ordinal);
        foreach (var (path, file) in later._entries)
            merged[path] = file;
        return new FileDelta(merged);
    }
}
