namespace SweLancer.GraderNode.Patching;

/// <summary>
/// Applies a diff to a scratch folder that holds only the files the diff names, each as it is in a base tree (a host
/// copy of the image's app) with an earlier delta on top (the task's bug patch), and reads back what changed as a
/// <see cref="FileDelta"/>. Patch sees the same bytes it would see in the whole tree, so it decides the same; no path
/// may lead through a link of the base tree (the container has the same links), and none may be one afterwards.
/// </summary>
public static class PartialPatch
{
    /// <param name="apply">Runs patch in the scratch folder it is given (plain, or <see cref="VerifiedPatch"/>).</param>
    /// <exception cref="PatchRefusedException">A path goes through a link of the base tree, or patch left a link.</exception>
    public static async Task<(PatchApplication Applied, FileDelta Delta)> ApplyAsync(string baseRoot, FileDelta below, IReadOnlySet<string> paths,
        Func<string, Task<PatchApplication>> apply)
    {
        VerifiedPatch.ThrowIfThroughLink(baseRoot, paths);
        var scratch = Directory.CreateTempSubdirectory("swelancer-partial-").FullName;
        try
        {
            var before = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                var target = Path.Combine(scratch, path);
                if (below.TryGet(path, out var earlier))
                {
                    if (earlier is null)
                        continue; // removed by the earlier patch
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllBytesAsync(target, earlier.Content);
                    if (!OperatingSystem.IsWindows())
                        File.SetUnixFileMode(target, earlier.Mode);
                    before.Add(path);
                }
                else if (File.Exists(Path.Combine(baseRoot, path)))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(Path.Combine(baseRoot, path), target);
                    if (!OperatingSystem.IsWindows())
                        File.SetUnixFileMode(target, File.GetUnixFileMode(Path.Combine(baseRoot, path)));
                    before.Add(path);
                }
                else if (Directory.Exists(Path.Combine(baseRoot, path)))
                {
                    Directory.CreateDirectory(target); // patch must meet a folder where the tree has one, and fail
                }
            }

            var applied = await apply(scratch);
            var delta = new FileDelta();
            if (!applied.Applied)
                return (applied, delta);
            foreach (var path in paths.Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(Path.Combine(scratch, path));
                if (info.LinkTarget is not null)
                    throw new PatchRefusedException($"patch rejected: applying it made {path} a symbolic link");
                if (info.Exists)
                    delta.Write(path, new DeltaFile(await File.ReadAllBytesAsync(info.FullName), info.UnixFileMode));
                else if (before.Contains(path))
                    delta.Remove(path);
            }
            return (applied, delta);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
