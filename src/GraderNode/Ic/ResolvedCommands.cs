using System.Collections.Concurrent;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// Test commands resolved once per image content (<see cref="TestCommand"/>): where the program lies depends only on the
/// image and the task's app folders, and each resolution costs an exec, about 50 ms of the engine's CPU per attempt on
/// cores that grading saturates. Only resolutions made in a pristine container are kept, and only successful ones; a
/// lease whose image id is unknown is resolved every time.
/// </summary>
public sealed class ResolvedCommands
{
    private readonly ConcurrentDictionary<(string ImageId, string Program, string Folders), string> _programs = new();
    private int _resolutions;

    /// <summary>How many times a command was resolved in a container (the rest came from what was kept).</summary>
    public int Resolutions => Volatile.Read(ref _resolutions);

    /// <inheritdoc cref="TestCommand.ResolveAsync"/>
    public async Task<IReadOnlyList<string>> ResolveAsync(ContainerLease pristine, IcTaskSpec spec, CancellationToken cancellation)
    {
        var argv = spec.TestCommand!;
        var key = (pristine.ImageId, argv[0], string.Join('\n', PatchPolicy.AppFolders(spec)));
        if (key.ImageId is not null && _programs.TryGetValue(key!, out var program))
            return [program, .. argv.Skip(1)];
        Interlocked.Increment(ref _resolutions);
        var resolved = await TestCommand.ResolveAsync(pristine, spec, cancellation);
        if (key.ImageId is not null)
            _programs.TryAdd(key!, resolved[0]);
        return resolved;
    }
}
