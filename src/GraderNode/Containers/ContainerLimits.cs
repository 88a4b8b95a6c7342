namespace SweLancer.GraderNode.Containers;

/// <summary>What one grading container may use. The wall-clock limit is enforced by the runner, per test run.</summary>
public sealed record ContainerLimits(long MemoryBytes, long NanoCpus, long Pids)
{
    public static ContainerLimits Default { get; } = new(512L * 1024 * 1024, 1_000_000_000, 128);
}
