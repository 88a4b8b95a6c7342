namespace SweLancer.GraderNode.Containers;

/// <summary>How a node's container pool is set up.</summary>
/// <param name="NodeId">Labels this node's containers; orphans with it are removed at start-up.</param>
/// <param name="Slots">Containers alive at once (leased plus pre-warmed).</param>
/// <param name="NetworkName">The internal (no outbound, no inter-container) Docker network the containers join.</param>
/// <param name="User">Who the app and its tests run as in the pool's containers: not root by default, so the model's code
/// cannot rewrite the hidden tests, the image's tools or the app's installed files while the tests run.</param>
public sealed record ContainerPoolOptions(string NodeId, int Slots, ContainerLimits Limits, string NetworkName = ContainerPoolOptions.DefaultNetwork,
    string User = ContainerPoolOptions.DefaultUser)
{
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
