namespace SweLancer.GraderNode.Containers;

/// <summary>How a node's container pool is set up.</summary>
/// <param name="NodeId">Labels this node's containers; orphans with it are removed at start-up.</param>
/// <param name="Slots">Containers alive at once (leased plus pre-warmed).</param>
/// <param name="NetworkName">The internal (no outbound, no inter-container) Docker network the containers join.</param>
/// <param name="User">Who the app and its tests run as in the pool's containers: not root by default, so the model's code
/// cannot rewrite the hidden tests, the image's tools or the app's installed files while the tests run.</param>
/// <param name="ScratchBytes">The size of the tmpfs mounted at /tmp in the pool's containers.</param>
public sealed record ContainerPoolOptions(string NodeId, int Slots, ContainerLimits Limits, string NetworkName = ContainerPoolOptions.DefaultNetwork,
    string User = ContainerPoolOptions.DefaultUser, long ScratchBytes = ContainerPoolOptions.DefaultScratchBytes)
{
    /// <summary>
    /// The size of the tmpfs at /tmp. With the app and its tests installed owned by root, /tmp was the container user's
    /// one writable place on the container's disk; as a tmpfs it is bounded at once and never reaches the host's disk.
    /// Its pages count in the container's memory limit.
    /// </summary>
    public const long DefaultScratchBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Whether the containers' root filesystem is read-only, with a volume of its own for each folder the harness installs
    /// into. Only for a user other than root: a root user could write without bound into those volumes, which the disk
    /// watch does not see, where a writable root keeps its writes in the watched layer.
    /// </summary>
    public bool ReadOnlyRoot => !ContainerUser.IsRoot(User);

    /// <summary>The mount options of that tmpfs: sticky and world-writable as /tmp is, executables allowed as on disk.</summary>
    public string ScratchMountOptions => $"rw,exec,nosuid,nodev,size={ScratchBytes},mode=1777";

    /// <summary>nobody:nogroup by number, so it needs no entry in the image's /etc/passwd.</summary>
    public const string DefaultUser = "65534:65534";

    /// <summary>Internal, with inter-container traffic off (the earlier "swelancer-grading" let attempts reach each other).</summary>
    public const string DefaultNetwork = "swelancer-attempts";

    /// <summary>One slot per core, and no more than one per 1 GiB of memory (each may use its memory limit plus a browser page).</summary>
    public static int DefaultSlots()
    {
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024L * 1024 * 1024);
        return (int)Math.Max(1, Math.Min(Environment.ProcessorCount, memoryGiB));
    }

    public static ContainerPoolOptions For(string nodeId, int? slots = null, string? user = null) =>
        new(nodeId, slots ?? DefaultSlots(), ContainerLimits.Default, User: user ?? DefaultUser);
}
