using System.Security.Cryptography;

namespace SweLancer.Tests.Fuzz;

/// <summary>
/// A scratch tree for applying fuzzed diffs with real GNU patch: a workspace <c>ws/</c> shaped like a grading
/// workspace (the app under srv/app, plus usr/, hidden-tests/ and a look-alike srv/application/ that a patch must not
/// reach), a link inside the app that points out of the workspace, and a folder <c>outside/</c> beside it. Every case
/// starts from a fresh copy; snapshots cover the whole tree and follow no links, so a write that escapes shows up.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FuzzSandbox : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("swelancer-fuzz-").FullName;
    private readonly string _template;

    public FuzzSandbox()
    {
        _template = Path.Combine(_base, "template");
        Write("ws/srv/app/a.txt", "one\ntwo\nthree\nfour\nfive\n");
        Write("ws/srv/app/run.sh", "#!/bin/sh\necho run\n", executable: true);
        Write("ws/srv/app/sub/b.txt", "alpha\nbeta\n");
        Write("ws/srv/application/c.txt", "c\n");
        Write("ws/usr/bin/tr", "tr\n", executable: true);
        Directory.CreateDirectory(Path.Combine(_template, "ws", "usr", "sbin"));
        Write("ws/hidden-tests/test.sh", "#!/bin/sh\nexit 1\n", executable: true);
        Write("outside/secret.txt", "secret\n");
        File.CreateSymbolicLink(Path.Combine(_template, "ws", "srv", "app", "link"), "../../../outside");
        File.CreateSymbolicLink(Path.Combine(_template, "ws", "srv", "app", "filelink"), "../../../outside/secret.txt");
        Case = Path.Combine(_base, "case");
    }

    /// <summary>The current case's tree; <see cref="Workspace"/> is its ws/ folder.</summary>
    public string Case { get; }

    public string Workspace => Path.Combine(Case, "ws");

    /// <summary>The contents of the files as the template has them (for writing hunks that apply).</summary>
    public static IReadOnlyDictionary<string, string[]> Files { get; } = new Dictionary<string, string[]>
    {
        ["srv/app/a.txt"] = ["one", "two", "three", "four", "five"],
        ["srv/app/run.sh"] = ["#!/bin/sh", "echo run"],
        ["srv/app/sub/b.txt"] = ["alpha", "beta"],
        ["srv/application/c.txt"] = ["c"],
        ["usr/bin/tr"] = ["tr"],
        ["hidden-tests/test.sh"] = ["#!/bin/sh", "exit 1"],
        ["srv/app/filelink"] = ["secret"],
    };

    public void Reset()
    {
        if (Directory.Exists(Case))
            Directory.Delete(Case, recursive: true);
        CopyTree(_template, Case);
    }

    /// <summary>Every entry under the case folder (kind, mode, content hash or link target), keyed by its path relative to the case.</summary>
    public Dictionary<string, string> Snapshot()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(Case), entries);
        return entries;
    }

    private void Walk(DirectoryInfo folder, Dictionary<string, string> entries)
    {
        foreach (var info in folder.EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(Case, info.FullName).Replace('\\', '/');
            if (info.LinkTarget is { } target)
                entries[relative] = $"link {target}";
            else if (info is DirectoryInfo dir)
            {
                entries[relative] = $"dir {info.UnixFileMode}";
                Walk(dir, entries);
            }
            else
                entries[relative] = $"file {info.UnixFileMode} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(info.FullName)))}";
        }
    }

    private void Write(string relative, string content, bool executable = false)
    {
        var path = Path.Combine(_template, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (executable)
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var info in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, info.Name);
            if (info.LinkTarget is { } link)
                File.CreateSymbolicLink(target, link);
            else if (info is DirectoryInfo)
                CopyTree(info.FullName, target);
            else
            {
                File.Copy(info.FullName, target);
                File.SetUnixFileMode(target, info.UnixFileMode);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
