using System.Diagnostics;

namespace SweLancer.GraderNode.Patching;

/// <summary>
/// Applies a unified diff with GNU patch on this host to a workspace copied out of the container. Give it only text the
/// strict <see cref="DiffParser"/> produced (<see cref="ParsedDiff.PatchText"/>): patch itself reads far more formats. Busybox patch (all the
/// sample image has) knows neither --forward nor fuzz, so patching happens here and the result is copied back.
/// Strict first (no fuzz), then with fuzz 3; each try is a dry run first so a half-applied patch never remains.
/// </summary>
public sealed class GnuPatch(string executable = "patch")
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public async Task<PatchApplication> ApplyAsync(string workspace, string patchText, CancellationToken cancellation)
    {
        var patchFile = Path.Combine(Path.GetTempPath(), $"swelancer-{Guid.NewGuid():N}.diff");
        await File.WriteAllTextAsync(patchFile, patchText, cancellation);
        try
        {
            var strict = await RunAsync(workspace, patchFile, fuzz: 0, dryRun: true, cancellation);
            if (strict.ExitCode == 0)
                return await ApplyForRealAsync(workspace, patchFile, 0, cancellation);
            var fuzzy = await RunAsync(workspace, patchFile, fuzz: 3, dryRun: true, cancellation);
            if (fuzzy.ExitCode == 0)
                return await ApplyForRealAsync(workspace, patchFile, 3, cancellation);
            return new PatchApplication(false, false, fuzzy.Output.Trim());
        }
        finally
        {
            File.Delete(patchFile);
        }
    }

    private async Task<PatchApplication> ApplyForRealAsync(string workspace, string patchFile, int fuzz, CancellationToken cancellation)
    {
        var result = await RunAsync(workspace, patchFile, fuzz, dryRun: false, cancellation);
        return new PatchApplication(result.ExitCode == 0, fuzz > 0, result.Output.Trim());
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string workspace, string patchFile, int fuzz, bool dryRun, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --forward: a hunk already present is an error, not a silent reverse; -r -: no .rej files in the app;
        // -g0: never check files out of RCS, SCCS, ClearCase or Perforce (patch can run their commands).
        foreach (var arg in new[] { "-p1", "--forward", "--batch", "--no-backup-if-mismatch", "-r", "-", "-g0", $"-F{fuzz}", "-d", workspace, "-i", patchFile })
            info.ArgumentList.Add(arg);
        // Variables that change what patch does (POSIX name choice, checkouts, backups) are not inherited.
        foreach (var name in new[] { "POSIXLY_CORRECT", "PATCH_GET", "PATCH_VERSION_CONTROL", "VERSION_CONTROL", "SIMPLE_BACKUP_SUFFIX", "QUOTING_STYLE" })
            info.Environment.Remove(name);
        if (dryRun)
            info.ArgumentList.Add("--dry-run");

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
