using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// The app's folders, copied out of a fresh container into a host folder (or copied from the tree an earlier attempt
/// kept, <see cref="PristineTrees"/>), patched there with GNU patch (bug patch, then the model's), and installed into any
/// fresh container of the same image. Patching once on the host lets every test
/// run start from an identical, freshly made container. Only those folders travel back into the container, and the
/// model's patch may change only the paths the policy approved: that is checked on the files after patch ran.
/// </summary>
public sealed class PatchedWorkspace : IDisposable
{
    private readonly string _root;
    private readonly IReadOnlyList<string> _roots;
    private readonly IReadOnlyList<string> _newRoots;
    private readonly IReadOnlyList<string> _removedPaths;
    private readonly InstallFolders _folders;

    private PatchedWorkspace(string root, IReadOnlyList<string> roots, IReadOnlyList<string> newRoots, IReadOnlyList<string> removedPaths,
        InstallFolders folders, bool neededFuzz)
    {
        _root = root;
        _roots = roots;
        _newRoots = newRoots;
        _removedPaths = removedPaths;
        _folders = folders;
        NeededFuzz = neededFuzz;
    }

    public bool NeededFuzz { get; }

    /// <summary>The folders (relative to the container root) that <see cref="InstallAsync"/> copies in, and nothing else.</summary>
    public IReadOnlyList<string> Folders => _roots;

    /// <summary>What an attempt at <paramref name="spec"/> installs into its containers: the app's folders and the hidden tests'.</summary>
    /// <exception cref="InfrastructureException">The task's own bug patch is not a diff this grader applies.</exception>
    public static InstallFolders InstallFoldersOf(IcTaskSpec spec) => InstallFoldersOf(Roots(spec, ParseBugPatch(spec)?.Files ?? []));

    private static InstallFolders InstallFoldersOf(IEnumerable<string> roots)
    {
        try
        {
            return InstallFolders.Of(roots.Select(r => "/" + r).Append(IcTaskSpec.HiddenTestsMount));
        }
        catch (ArgumentException ex)
        {
            throw new InfrastructureException($"the task's folders cannot be installed into: {ex.Message}", retryable: false);
        }
    }

    /// <exception cref="ModelFailureException">The model's patch does not apply, goes through a symbolic link, or changed a path it was not approved for.</exception>
    /// <exception cref="InfrastructureException">The task's own bug patch is unreadable or does not apply.</exception>
    /// <param name="pristine">Trees kept from earlier attempts at the same image and bug patch; null copies out every time.</param>
    public static async Task<PatchedWorkspace> PrepareAsync(ContainerLease lease, IcTaskSpec spec, PatchVerdict model, GnuPatch patcher,
        CancellationToken cancellation, PristineTrees? pristine = null)
    {
        using var span = SweLancerTelemetry.Source.StartActivity("patch.apply");
        var bug = ParseBugPatch(spec);
        var root = Directory.CreateTempSubdirectory("swelancer-ws-").FullName;
        try
        {
            var roots = Roots(spec, bug?.Files ?? []);
            var key = pristine is not null && lease.ImageId is { } imageId ? PristineTrees.KeyOf(imageId, roots, bug?.PatchText) : null;
            var absent = key is null ? null : await pristine!.TryCopyToAsync(key, root, cancellation);
            span?.SetTag("swelancer.patch.pristine_kept", absent is not null);
            if (absent is null)
            {
                foreach (var folder in roots)
                    await lease.CopyOutAsync("/" + folder, root, cancellation);
                absent = roots.Where(r => !Directory.Exists(Path.Combine(root, r))).ToList();
                if (bug is not null)
                {
                    var bugApplied = await patcher.ApplyAsync(root, bug.PatchText, cancellation);
                    if (!bugApplied.Applied)
                        throw new InfrastructureException($"the task's bug_patch does not apply to {spec.Image}: {bugApplied.Output}", retryable: false);
                }
                if (key is not null)
                    await pristine!.KeepAsync(key, root, absent, cancellation); // before the model's patch touches it
            }
            var fuzz = false;
            if (model.Files.Count > 0)
            {
                PatchApplication applied;
                try
                {
                    applied = await VerifiedPatch.ApplyAsync(root, model, patcher, cancellation);
                }
                catch (PatchRefusedException refused)
                {
                    span?.SetTag("swelancer.patch.applied", false);
                    throw new ModelFailureException(refused.Message);
                }
                if (!applied.Applied)
                {
                    span?.SetTag("swelancer.patch.applied", false); // the model's failure, not an error of ours
                    throw new ModelFailureException($"patch does not apply: {ReasonText.OneLine(applied.Output, 2000)}");
                }
                fuzz = applied.NeededFuzz;
                span?.SetTag("swelancer.patch.applied", true);
                span?.SetTag("swelancer.patch.fuzz", fuzz);
            }
            var removed = (bug?.Files ?? []).Concat(model.Files)
                .Where(f => f.OldPath is not null && f.OldPath != f.NewPath)
                .Select(f => f.OldPath!)
                .Where(p => !File.Exists(Path.Combine(root, p)))
                .Distinct()
                .ToList();
            var created = absent.Where(r => Directory.Exists(Path.Combine(root, r))).ToList();
            return new PatchedWorkspace(root, roots, created, removed, InstallFoldersOf(roots), fuzz);
        }
        catch (Exception ex)
        {
            if (ex is not ModelFailureException)
                span.RecordFailure(ex);
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    private static ParsedDiff? ParseBugPatch(IcTaskSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.BugPatch))
            return null;
        try
        {
            return DiffParser.Parse(spec.BugPatch);
        }
        catch (DiffFormatException ex)
        {
            throw new InfrastructureException($"the task's bug_patch is not a diff this grader applies: {ex.Message}", retryable: false);
        }
    }

    /// <summary>Removes the files the patches deleted, then copies the app's folders (and only those) into <paramref name="lease"/>'s container.</summary>
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
        // Before anything of the patch is in the container: the image's own sh and tools do this, as root, since the
        // app's installed files are not the container user's to change. With a read-only root the installed folders are
        // volumes the disk watch does not measure, and a volume's top keeps the image's owner and mode (the archive
        // carries only what is inside): "own:" gives each to root, closed to group and others, before the app starts.
        var closing = lease.ReadOnlyRoot ? _folders.Paths : [];
        if (_removedPaths.Count > 0 || _newRoots.Count > 0 || closing.Count > 0)
        {
            var script = "for p in \"$@\"; do case \"$p\" in rm:*) rm -f -- \"${p#rm:}\" || exit 1;; mk:*) mkdir -p -- \"${p#mk:}\" || exit 1;; " +
                "own:*) chown 0:0 -- \"${p#own:}\" && chmod go-w -- \"${p#own:}\" || exit 3;; esac; done";
            var result = await lease.RunStepAsync("preparing the app's folders",
                ["/bin/sh", "-c", script, "sh", .. _removedPaths.Select(p => "rm:/" + p), .. _newRoots.Select(r => "mk:/" + r), .. closing.Select(f => "own:" + f)],
                "/", cancellation, ContainerLease.Root);
            if (result.ExitCode == 3)
                throw new InfrastructureException("an installed folder of the image cannot be given to root (the harness's steps hold no capability, so " +
                    "root cannot take a folder the image gave another user): with a read-only root the container's user must not own one. " +
                    $"Give the folder to root in the image, or grade it with --container-user 0: {result.Output}", retryable: false);
            if (result.ExitCode != 0)
                throw new InfrastructureException($"could not prepare the app's folders in the container: {result.Output}", retryable: true);
        }
        foreach (var folder in _roots)
        {
            var host = Path.Combine(_root, folder);
            if (Directory.Exists(host) && Directory.EnumerateFileSystemEntries(host).Any())
                await lease.CopyInAsync(host, "/" + folder, cancellation);
        }
    }

    /// <summary>The folders to copy out and back in: the app's folders (<see cref="PatchPolicy.AppFolders"/>), plus the
    /// folders of the task's own bug patch outside them. Nested folders are dropped in favour of their ancestors.</summary>
    internal static IReadOnlyList<string> Roots(IcTaskSpec spec, IEnumerable<PatchedFile> bugFiles)
    {
        var candidates = PatchPolicy.AppFolders(spec)
            .Concat(bugFiles.SelectMany(f => f.Paths).Select(p => Path.GetDirectoryName(p)?.Replace('\\', '/') ?? ""))
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
