using System.Formats.Tar;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// A tar of a host folder whose entries all belong to root (uid and gid 0), whoever owns the files on this host. The
/// engine gives extracted files the owner written in the archive, so without this a grader running as some uid would
/// install the hidden tests as that uid, and a container user with the same uid could rewrite them. Nor may its group
/// or others write them: the container user is one of those, and with a read-only root the folders installed into are
/// volumes that the disk watch does not measure.
/// </summary>
public static class RootOwnedArchive
{
    public static async Task<MemoryStream> CreateAsync(string hostFolder, CancellationToken cancellation)
    {
        using var asFound = new MemoryStream();
        await TarFile.CreateFromDirectoryAsync(hostFolder, asFound, includeBaseDirectory: false, cancellation);
        asFound.Position = 0;

        var owned = new MemoryStream();
        await using (var reader = new TarReader(asFound, leaveOpen: true))
        await using (var writer = new TarWriter(owned, TarEntryFormat.Pax, leaveOpen: true))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellation) is { } entry)
            {
                entry.Uid = 0;
                entry.Gid = 0;
                entry.Mode &= ~(UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
                if (entry is PosixTarEntry posix)
                {
                    posix.UserName = "root";
                    posix.GroupName = "root";
                }
                await writer.WriteEntryAsync(entry, cancellation);
            }
        }
        owned.Position = 0;
        return owned;
    }
}
