namespace SweLancer.GraderNode.Containers;

/// <summary>What one grading container may use. The wall-clock limit is enforced by the runner, per test run.</summary>
/// <param name="DiskBytes">What its writable layer may hold; watched (the engine here cannot set a quota), null for no watch.</param>
public sealed record ContainerLimits(long MemoryBytes, long NanoCpus, long Pids, long? DiskBytes = ContainerLimits.DefaultDiskBytes)
{
    public const long DefaultDiskBytes = 1024L * 1024 * 1024;

    public static ContainerLimits Default { get; } = new(512L * 1024 * 1024, 1_000_000_000, 128);
}
