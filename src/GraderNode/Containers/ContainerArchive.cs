using System.Formats.Tar;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// A tar built in memory from named entries (paths relative to the container root), extracted into a container in one
/// call, in the order added: one round trip instead of one per folder. Entries are owned by root.
/// </summary>
public sealed class ContainerArchive
{
    private readonly List<(string Path, byte[]? Content, UnixFileMode Mode)> _entries = [];

    public const UnixFileMode FolderMode = (UnixFileMode)0b111_101_101; // 0755
    public const UnixFileMode FileMode = (UnixFileMode)0b110_100_100;   // 0644

    public int Count => _entries.Count;

    public ContainerArchive Folder(string path, UnixFileMode mode = FolderMode)
    {
        _entries.Add((Relative(path), null, mode));
        return this;
    }

    public ContainerArchive File(string path, byte[] content, UnixFileMode mode = FileMode)
    {
        _entries.Add((Relative(path), content, mode));
        return this;
    }

    /// <summary>Adds <paramref name="other"/>'s entries after these, in their order.</summary>
    public ContainerArchive Append(ContainerArchive other)
    {
        _entries.AddRange(other._entries);
        return this;
    }

    public async Task<MemoryStream> ToTarAsync(CancellationToken cancellation)
    {
        var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content, mode) in _entries)
            {
                var entry = content is null
                    ? new PaxTarEntry(TarEntryType.Directory, path + "/") { Mode = mode }
                    : new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(content), Mode = mode };
                await writer.WriteEntryAsync(entry, cancellation);
            }
        }
        tar.Position = 0;
        return tar;
    }

    /// <summary>Extracts the entries at the container's root.</summary>
    public async Task ExtractIntoAsync(ContainerLease lease, CancellationToken cancellation)
    {
        if (_entries.Count == 0)
            return;
        await using var tar = await ToTarAsync(cancellation);
        await lease.PutArchiveAsync(tar, "/", cancellation);
    }

    // Clean relative paths only: the callers pass paths the strict diff parser or the harness made, this is the last look.
    private static string Relative(string path)
    {
        var relative = path.TrimStart('/');
        if (relative.Length == 0 || relative.Split('/').Any(p => p is "" or "." or ".."))
            throw new ArgumentException($"not a clean path for an archive entry: '{path}'", nameof(path));
        return relative;
    }
}
