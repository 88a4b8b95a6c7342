using SweLancer.GraderNode.Containers;

namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// How a node grades SWE-Lancer IC tasks by the official protocol. Budgets, test runs and the -1 rule default to
/// upstream's; limits are ours (upstream sets none) and are per node.
/// </summary>
/// <param name="ImageTemplate">Image name with <c>{question_id}</c> substituted (a private mirror); null uses the official names.</param>
/// <param name="SetupNetwork">Monolith only: a route out during setup (npm, pip); cut before the model's patch goes in.</param>
/// <param name="MissingExitCodeIsSystemError">Upstream counts a run without an exit code (-1) as failed; PR #153 proposes a system error.</param>
/// <param name="GradingSlots">Containers grading at once.</param>
/// <param name="SetupAhead">Further containers that may set up for queued attempts while others grade (pre-warming).</param>
/// <param name="ImageBudgetBytes">Disk the task images this node pulls may take; least recently used ones go first. Null: no budget.</param>
public sealed record ProtocolSettings(
    ImageMode ImageMode,
    string? ImageTemplate,
    TimeSpan SetupBudget,
    TimeSpan GradeBudget,
    int TestRuns,
    bool SetupNetwork,
    bool MissingExitCodeIsSystemError,
    TimeSpan ReadyPoll,
    ContainerLimits Limits,
    int GradingSlots,
    int SetupAhead,
    long? ImageBudgetBytes = null)
{
    public const int DefaultSetupSeconds = 2400;
    public const int DefaultGradeSeconds = 1200;
    public const int DefaultTestRuns = 3;

    /// <summary>The Expensify dev build needs several GB: 8 GiB, 2 CPUs, 4096 processes and 10 GiB written per container.</summary>
    public static ContainerLimits DefaultLimits { get; } = new(8L * 1024 * 1024 * 1024, 2_000_000_000, 4096, 10L * 1024 * 1024 * 1024);

    public static ProtocolSettings Default { get; } = new(ImageMode.PerTask, null, TimeSpan.FromSeconds(DefaultSetupSeconds),
        TimeSpan.FromSeconds(DefaultGradeSeconds), DefaultTestRuns, SetupNetwork: true, MissingExitCodeIsSystemError: false,
        TimeSpan.FromSeconds(2), DefaultLimits, DefaultGradingSlots(DefaultLimits), DefaultGradingSlots(DefaultLimits));

    /// <summary>
    /// As many grading containers as the node's cores and memory carry at these limits, counting the same number again
    /// setting up ahead; at least one.
    /// </summary>
    public static int DefaultGradingSlots(ContainerLimits limits)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var byMemory = memory / Math.Max(1, 2 * limits.MemoryBytes);
        var byCpu = Environment.ProcessorCount * 1_000_000_000L / Math.Max(1, limits.NanoCpus);
        return (int)Math.Max(1, Math.Min(byMemory, byCpu));
    }
}
