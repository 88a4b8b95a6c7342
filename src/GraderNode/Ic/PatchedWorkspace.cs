using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// What the task's bug patch and then the model's patch make of the app, worked out on this host with GNU patch against
/// the image's app (<see cref="AppSnapshots"/>), touching only the files the diffs name (<see cref="PartialPatch"/>), and
/// installed into any fresh container of that image in one archive. Patching once on the host lets every test run
/// start from an identical, freshly made container. Only files inside the app's folders (and the bug patch's own)
/// travel into the container, and the model's patch may change only the paths the policy approved: that is checked on
/// the files after patch ran.
/// </summary>
public sealed class PatchedWorkspace : IDisposable
{
    private readonly AppSnapshot _app;
    private readonly FileDelta _delta;
    private readonly IReadOnlyList<string> _newFolders;

    private PatchedWorkspace(AppSnapshot app, FileDelta delta, IReadOnlyList<string> newFolders, bool neededFuzz)
    {
        _app = app;
        _delta = delta;
        _newFolders = newFolders;
        NeededFuzz = neededFuzz;
    }

    public bool NeededFuzz { get; }

    /// <summary>The folders (relative to the container root) inside which <c>InstallAsync</c> writes, and nowhere else.</summary>
    public IReadOnlyList<string> Folders => _app.Folders;

    /// <summary>The image id whose containers this workspace fits.</summary>
    public string ImageId => _app.ImageId;

    /// <summary>The folders to copy out of a pristine container for <paramref name="spec"/> (see <see cref="Roots"/>).</summary>
    /// <exception cref="InfrastructureException">The task's own bug patch is unreadable.</exception>
    public static IReadOnlyList<string> AppFoldersOf(IcTaskSpec spec) => Roots(spec, ParseBugPatch(spec)?.Files ?? []);

    /// <exception cref="ModelFailureException">The model's patch does not apply, goes through a symbolic link, or changed a path it was not approved for.</exception>
    /// <exception cref="InfrastructureException">The task's own bug patch is unreadable or does not apply.</exception>
    public static async Task<PatchedWorkspace> PrepareAsync(AppSnapshots snapshots, AppSnapshot app, IcTaskSpec spec, PatchVerdict model, GnuPatch patcher,
        CancellationToken cancellation)
    {
        using var span = SweLancerTelemetry.Source.StartActivity("patch.apply");
        try
        {
            var bug = ParseBugPatch(spec);
            var bugDelta = FileDelta.Empty;
            if (bug is not null)
            {
                (PatchApplication Applied, FileDelta Delta) applied;
                try
                {
                    applied = await snapshots.BugDeltaAsync(app, bug, patcher);
                }
                catch (PatchRefusedException refused)
                {
                    throw new InfrastructureException($"the task's bug_patch cannot be applied to {spec.Image}: {refused.Message}", retryable: false);
                }
                if (!applied.Applied.Applied)
                    throw new InfrastructureException($"the task's bug_patch does not apply to {spec.Image}: {applied.Applied.Output}", retryable: false);
                bugDelta = applied.Delta;
            }
            var fuzz = false;
            var modelDelta = FileDelta.Empty;
            if (model.Files.Count > 0)
            {
                (PatchApplication Applied, FileDelta Delta) applied;
                try
                {
                    applied = await PartialPatch.ApplyAsync(app.Root, bugDelta, model.Paths, scratch => VerifiedPatch.ApplyAsync(scratch, model, patcher, cancellation));
                }
                catch (PatchRefusedException refused)
                {
                    span?.SetTag("swelancer.patch.applied", false);
                    throw new ModelFailureException(refused.Message);
                }
                if (!applied.Applied.Applied)
                {
                    span?.SetTag("swelancer.patch.applied", false); // the model's failure, not an error of ours
                    throw new ModelFailureException($"patch does not apply: {ReasonText.OneLine(applied.Applied.Output, 2000)}");
                }
                fuzz = applied.Applied.NeededFuzz;
                modelDelta = applied.Delta;
                span?.SetTag("swelancer.patch.applied", true);
                span?.SetTag("swelancer.patch.fuzz", fuzz);
            }
            var delta = bugDelta.Then(modelDelta);
            foreach (var path in delta.Written.Select(w => w.Key).Concat(delta.Removed))
            {
                // Belt and braces: the policy and the parser allow nothing else, and nothing else may reach the container.
                if (!app.Folders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal)))
                    throw new InfrastructureException($"{path} lies outside the app's folders ({string.Join(", ", app.Folders)}); it is not installed", retryable: false);
            }
            return new PatchedWorkspace(app, delta, NewFolders(app, delta), fuzz);
        }
        catch (Exception ex) when (ex is not ModelFailureException && span.RecordFailure(ex))
        {
            throw; // not reached: the filter records and declines
        }
    }

    // Folders the written files need that the image lacks, outermost first (the archive makes them, 0755 like patch does).
    private static IReadOnlyList<string> NewFolders(AppSnapshot app, FileDelta delta)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, _) in delta.Written)
        {
            for (var parent = ParentOf(path); parent.Length > 0; parent = ParentOf(parent))
            {
                if (!Directory.Exists(Path.Combine(app.Root, parent)))
                    folders.Add(parent);
            }
        }
        return folders.OrderBy(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static string ParentOf(string path) => path.LastIndexOf('/') is var i and > 0 ? path[..i] : "";

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

    /// <summary>Removes the files the patches deleted, then writes the patched files (and only those) into <paramref name="lease"/>'s container.</summary>
    public Task InstallAsync(ContainerLease lease, CancellationToken cancellation) => InstallAsync(lease, new ContainerArchive(), cancellation);

    /// <summary>
    /// As <see cref="InstallAsync(ContainerLease, CancellationToken)"/>, with <paramref name="after"/>'s entries in the
    /// same archive behind the patched files (the command runner's go-file and hidden tests), so one call does it all.
    /// </summary>
    public async Task InstallAsync(ContainerLease lease, ContainerArchive after, CancellationToken cancellation)
    {
        using var span = SweLancerTelemetry.Source.StartActivity("workspace.install");
        try
        {
            if (lease.ImageId != _app.ImageId)
                throw new InfrastructureException($"container {lease.Id[..12]} runs image {lease.ImageId}, not {_app.ImageId} this attempt was patched for (was {lease.Image} re-tagged?)", retryable: true);
            // Before anything of the patch is in the container: the image's own sh and tools do this.
            if (_delta.Removed.Count > 0)
            {
                var script = "for p in \"$@\"; do rm -f -- \"$p\" || exit 1; done";
                var result = await lease.ExecAsync(["/bin/sh", "-c", script, "sh", .. _delta.Removed.Select(p => "/" + p)], "/", cancellation);
                if (result.ExitCode != 0)
                    throw new InfrastructureException($"could not remove the files the patches deleted: {result.Output}", retryable: true);
            }
            var archive = new ContainerArchive();
            foreach (var folder in _newFolders)
                archive.Folder(folder);
            foreach (var (path, file) in _delta.Written)
                archive.File(path, file.Content, file.Mode);
            archive.Append(after);
            await archive.ExtractIntoAsync(lease, cancellation);
        }
        catch (Exception ex) when (span.RecordFailure(ex))
        {
            throw; // not reached: the filter records and declines
        }
    }

    /// <summary>The folders a pristine container's app is read from: the app's folders (<see cref="PatchPolicy.AppFolders"/>), plus the
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
        // Nothing on disk: the delta is in memory and the app's copy belongs to AppSnapshots.
    }
}
