using System.Collections.Concurrent;
using SweLancer.GraderNode.Containers;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// <see cref="TestCommand.ResolveAsync"/> once per image id and command: a PATH search in a pristine container finds
/// the same program in every fresh container of the same image, so later attempts skip that exec. A failure is not kept.
/// </summary>
public sealed class ResolvedTestCommands
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _resolved = new(StringComparer.Ordinal);

    /// <param name="pristine">A container with nothing of the patch installed yet.</param>
    public async Task<IReadOnlyList<string>> ResolveAsync(ContainerLease pristine, IcTaskSpec spec, CancellationToken cancellation)
    {
        var key = pristine.ImageId + "\n" + string.Join("\n", PatchedFolders(spec)) + "\n" + string.Join("\0", spec.TestCommand ?? []);
        if (pristine.ImageId.Length > 0 && _resolved.TryGetValue(key, out var known))
            return known;
        var command = await TestCommand.ResolveAsync(pristine, spec, cancellation);
        if (pristine.ImageId.Length > 0)
            _resolved[key] = command;
        return command;
    }

    // The check that the program lies outside the app depends on the task's folders too.
    private static IReadOnlyList<string> PatchedFolders(IcTaskSpec spec) => SweLancer.GraderNode.Patching.PatchPolicy.AppFolders(spec);
}
