using System.Diagnostics;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// A small tmpfs mounted on a scratch folder (needs root), to be filled up on purpose: a spec's output folder whose
/// disk runs full. Disposing unmounts it (lazily, should a process still hold a file there).
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string _filler;

    public SmallDisk(string path, int megabytes)
    {
        Path = path;
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "tmpfs", path);
        _filler = System.IO.Path.Combine(path, ".filler");
    }

    public string Path { get; }

    /// <summary>Writes a file until the disk refuses (ENOSPC); returns how many bytes it took.</summary>
    public long Fill()
    {
        long written = 0;
        var chunk = new byte[64 * 1024];
        using var stream = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        try
        {
            while (true)
            {
                stream.Write(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. A smaller remainder fills the last pages.
            try
            {
                while (true)
                {
                    stream.Write(chunk, 0, 512);
                    written += 512;
                }
            }
            catch (IOException)
            {
            }
        }

        return written;
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void Free() => File.Delete(_filler);

    public void Dispose()
    {
        try
        {
            Run("umount", Path);
        }
        catch (InvalidOperationException)
        {
            Run("umount", "-l", Path);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not run {file}");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
    }
}
