using System.Diagnostics;
using System.Formats.Tar;
using System.Runtime.Versioning;
using SweLancer.GraderNode.Containers;
using Xunit;

namespace SweLancer.Tests.GraderNode.Containers;

public sealed class RootOwnedArchiveSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("swelancer-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_entry_belongs_to_root_whoever_owns_the_files_here_with_names_modes_and_contents_kept()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "hidden-tests"));
        var script = Path.Combine(_folder, "hidden-tests", "test.sh");
        await File.WriteAllTextAsync(script, "echo PASS\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(_folder, "hidden-tests", "link"), "test.sh");
        OwnHereByAnotherUser(_folder);

        using var archive = await RootOwnedArchive.CreateAsync(_folder, TestContext.Current.CancellationToken);
        var entries = new List<(string Name, TarEntryType Type, int Uid, int Gid, UnixFileMode Mode, string? Link, string? Text)>();
        await using (var reader = new TarReader(archive))
        {
            while (await reader.GetNextEntryAsync(copyData: true, TestContext.Current.CancellationToken) is { } entry)
            {
                var text = entry.DataStream is null ? null : await new StreamReader(entry.DataStream).ReadToEndAsync(TestContext.Current.CancellationToken);
                entries.Add((entry.Name.TrimEnd('/'), entry.EntryType, entry.Uid, entry.Gid, entry.Mode, entry.EntryType == TarEntryType.SymbolicLink ? entry.LinkName : null, text));
            }
        }

        Assert.Equal(["hidden-tests", "hidden-tests/link", "hidden-tests/test.sh"], entries.Select(e => e.Name).Order().ToArray());
        Assert.All(entries, e => Assert.Equal((0, 0), (e.Uid, e.Gid)));
        var file = entries.Single(e => e.Name == "hidden-tests/test.sh");
        Assert.Equal((UnixFileMode)0b111_101_101, file.Mode);
        Assert.Equal("echo PASS\n", file.Text);
        Assert.Equal("test.sh", entries.Single(e => e.Name == "hidden-tests/link").Link);
    }

    /// <summary>A file or folder its group or others could write (left so by the image, or by the model's patch) is not installed so.</summary>
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task No_entry_stays_writable_by_group_or_others()
    {
        var uploads = Path.Combine(_folder, "app", "uploads");
        Directory.CreateDirectory(uploads);
        var file = Path.Combine(_folder, "app", "data.json");
        await File.WriteAllTextAsync(file, "[]", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(uploads, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(file, (UnixFileMode)0b110_110_110);

        using var archive = await RootOwnedArchive.CreateAsync(_folder, TestContext.Current.CancellationToken);
        var modes = new Dictionary<string, UnixFileMode>();
        await using (var reader = new TarReader(archive))
        {
            while (await reader.GetNextEntryAsync(copyData: false, TestContext.Current.CancellationToken) is { } entry)
                modes[entry.Name.TrimEnd('/')] = entry.Mode;
        }

        Assert.Equal((UnixFileMode)0b111_101_101, modes["app/uploads"]);
        Assert.Equal((UnixFileMode)0b110_100_100, modes["app/data.json"]);
    }

    /// <summary>Run as root (as CI is), the files are given to uid 4242 first; otherwise they already belong to a non-root user.</summary>
    private static void OwnHereByAnotherUser(string folder)
    {
        if (Environment.UserName != "root")
            return;
        using var chown = Process.Start("chown", ["-R", "-h", "4242:4242", folder])!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
