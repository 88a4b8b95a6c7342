using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// The folders a task's patches touch, copied out of a fresh container into a host folder, patched there with GNU
/// patch (bug patch, then the model's), and installed into any fresh container of the same image. Patching once on
/// the host lets every test run start from an identical, freshly made container.
/// </summary>
public sealed class PatchedWorkspace : IDisposable
{
    private readonly string _root;
    private readonly IReadOnlyList<string> _removedPaths;

    private PatchedWorkspace(string root, IReadOnlyList<string> removedPaths, bool neededFuzz)
    {
        _root = root;
        _removedPaths = removedPaths;
        NeededFuzz = neededFuzz;
    }

    public bool NeededFuzz { get; }

    /// <exception cref="ModelFailureException">The model's patch does not apply.</exception>
    /// <exception cref="InfrastructureException">The task's own bug patch does not apply.</exception>
    public static async Task<PatchedWorkspace> PrepareAsync(ContainerLease lease, IcTaskSpec spec, string modelPatch, IReadOnlyList<PatchedFile> modelFiles,
        GnuPatch patcher, CancellationToken cancellation)
    {
        using var span = SweLancerTelemetry.Source.StartActivity("patch.apply");
        var bugFiles = string.IsNullOrWhiteSpace(spec.BugPatch) ? [] : UnifiedDiffPaths.Parse(spec.BugPatch);
        var root = Directory.CreateTempSubdirectory("swelancer-ws-").FullName;
        try
        {
            foreach (var folder in Roots(spec, bugFiles, modelFiles))
                await lease.CopyOutAsync("/" + folder, root, cancellation);

            if (bugFiles.Count > 0)
            {
                var bug = await patcher.ApplyAsync(root, spec.BugPatch!, cancellation);
                if (!bug.Applied)
                    throw new InfrastructureException($"the task's bug_patch does not apply to {spec.Image}: {bug.Output}", retryable: false);
            }
            var fuzz = false;
            if (modelFiles.Count > 0)
            {
                var model = await patcher.ApplyAsync(root, modelPatch, cancellation);
                if (!model.Applied)
                {
                    span?.SetTag("swelancer.patch.applied", false); // the model's failure, not an error of ours
                    throw new ModelFailureException($"patch does not apply: {Shorten(model.Output)}");
                }
                fuzz = model.NeededFuzz;
                span?.SetTag("swelancer.patch.applied", true);
                span?.SetTag("swelancer.patch.fuzz", fuzz);
            }
            var removed = bugFiles.Concat(modelFiles)
                .Where(f => f.OldPath is not null && f.OldPath != f.NewPath)
                .Select(f => f.OldPath!)
                .Where(p => !File.Exists(Path.Combine(root, p)))
                .Distinct()
                .ToList();
            return new PatchedWorkspace(root, removed, fuzz);
        }
        catch (Exception ex)
        {
            if (ex is not ModelFailureException)
                span.RecordFailure(ex);
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>Copies the patched folders into <paramref name="lease"/>'s container and removes the files the patches deleted.</summary>
    public async Task InstallAsync(ContainerLease lease, CancellationToken cancellation)
    {
        using var span = SweLancerTelemetry.Source.StartActivity("workspace.install");
        try
        {
            await CopyInAsync(lease, cancellation);
        }
        catch (Exception ex) when (span.RecordFailure(ex))
        {
            throw; // not reached: the filter records and declines
        }
    }

    private async Task CopyInAsync(ContainerLease lease, CancellationToken cancellation)
    {
        if (Directory.EnumerateFileSystemEntries(_root).Any())
            await lease.CopyInAsync(_root, "/", cancellation);
        if (_removedPaths.Count > 0)
        {
            var result = await lease.ExecAsync(["rm", "-f", .. _removedPaths.Select(p => "/" + p)], "/", cancellation);
            if (result.ExitCode != 0)
                throw new InfrastructureException($"could not remove deleted files in the container: {result.Output}", retryable: true);
        }
    }

    /// <summary>The folders to copy out: the acceptable folders, plus the folders of files outside them (the bug patch's).
    /// Nested folders are dropped in favour of their ancestors.</summary>
    internal static IReadOnlyList<string> Roots(IcTaskSpec spec, IEnumerable<PatchedFile> bugFiles, IEnumerable<PatchedFile> modelFiles)
    {
        var candidates = spec.AcceptableFolders.Select(f => f.Trim().Trim('/')).Where(f => f.Length > 0)
            .Concat(bugFiles.Concat(modelFiles).SelectMany(f => f.Paths).Select(p => Path.GetDirectoryName(p)?.Replace('\\', '/') ?? ""))
            .Where(f => f.Length > 0)
            .Distinct()
            .OrderBy(f => f.Length)
            .ToList();
        var roots = new List<string>();
        foreach (var candidate in candidates)
        {
            if (!roots.Any(r => candidate == r || candidate.StartsWith(r + "/", StringComparison.Ordinal)))
                roots.Add(candidate);
        }
        return roots;
    }

    // Reasons end up in one CSV cell and one table row: patch's output on one line, bounded.
    private static string Shorten(string text)
    {
        var oneLine = string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length > 2000 ? oneLine[..2000] + "…" : oneLine;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
