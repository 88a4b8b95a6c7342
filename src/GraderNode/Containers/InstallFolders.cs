namespace SweLancer.GraderNode.Containers;

/// <summary>
/// The container folders the harness writes an attempt into (the app's folders and the hidden tests), absolute, sorted
/// and without duplicates, so equal sets are equal keys: with a read-only root each gets a volume of its own, and
/// pre-warmed containers are kept apart by them.
/// </summary>
public sealed record InstallFolders
{
    private InstallFolders(string key) => Key = key;

    /// <summary>No folder: a container the harness only reads from or runs in.</summary>
    public static InstallFolders None { get; } = new("");

    /// <summary>The paths joined by line breaks; what equality compares.</summary>
    public string Key { get; }

    public IReadOnlyList<string> Paths => Key.Length == 0 ? [] : Key.Split('\n');

    /// <exception cref="ArgumentException">A path is not absolute, or names the root itself.</exception>
    public static InstallFolders Of(IEnumerable<string> paths)
    {
        var normal = paths.Select(p => p.TrimEnd('/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (normal.FirstOrDefault(p => !p.StartsWith('/') || p.Length < 2 || p.Contains('\n')) is { } bad)
            throw new ArgumentException($"'{bad}' is not an absolute folder below the container's root", nameof(paths));
        return new InstallFolders(string.Join('\n', normal));
    }

    public override string ToString() => Key.Length == 0 ? "(none)" : string.Join(", ", Paths);
}
