namespace SweLancer.GraderNode.Patching;

/// <summary>
/// Applies a model's approved patch to a host folder with GNU patch and checks the result against the approval: no
/// approved path may lead through a symbolic link already in the folder, and the entries patch actually created,
/// changed or deleted must be approved paths or their folders. The policy decides from the parse; this is the belt
/// and braces in case GNU patch reads a diff differently from the parser.
/// </summary>
public static class VerifiedPatch
{
    /// <exception cref="PatchRefusedException">The patch goes through a link, or changed something it was not approved for.</exception>
    public static async Task<PatchApplication> ApplyAsync(string root, PatchVerdict verdict, GnuPatch patcher, CancellationToken cancellation)
    {
        ThrowIfThroughLink(root, verdict.Paths);
        var before = WorkspaceSnapshot.Take(root);
        var applied = await patcher.ApplyAsync(root, verdict.Diff, cancellation);
        var unexplained = WorkspaceSnapshot.Unexplained(before.ChangedIn(WorkspaceSnapshot.Take(root)), verdict.Paths);
        if (unexplained.Count > 0)
            throw new PatchRefusedException($"patch rejected: applying it changed {string.Join(", ", unexplained.Take(5))}{(unexplained.Count > 5 ? ", …" : "")}, which the policy did not approve");
        return applied;
    }

    // GNU patch does not follow links either, but one inside the app must not even be tried: it could lead anywhere on this host.
    private static void ThrowIfThroughLink(string root, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var current = root;
            foreach (var part in path.Split('/'))
            {
                current = Path.Combine(current, part);
                var info = new FileInfo(current);
                if (info.LinkTarget is not null)
                    throw new PatchRefusedException($"patch rejected: {path} goes through the symbolic link {Path.GetRelativePath(root, current).Replace('\\', '/')} in the app");
                if (!info.Exists && !Directory.Exists(current))
                    break;
            }
        }
    }
}
