namespace SweLancer.GraderNode.Containers;

/// <summary>How a node's container pool is set up.</summary>
/// <param name="NodeId">Labels this node's containers; orphans with it are removed at start-up.</param>
/// <param name="Slots">Containers leased to attempts at once; with <paramref name="Ahead"/> 0 also all that are alive (leased plus pre-warmed).</param>
/// <param name="NetworkName">The internal (no outbound, no inter-container) Docker network the containers join.</param>
/// <param name="Ahead">
/// Containers that may be alive beyond <paramref name="Slots"/>: pre-warmed ones (started, the image's command held
/// back, next to no memory) and used ones still being removed. Like the protocol runner's setup-ahead, it lets the next
/// attempt take a started container while the last one is removed; at most Slots + Ahead are ever alive.
/// </param>
public sealed record ContainerPoolOptions(string NodeId, int Slots, ContainerLimits Limits, string NetworkName = ContainerPoolOptions.DefaultNetwork, int Ahead = 0)
{
    /// <summary>Internal, with inter-container traffic off (the earlier "swelancer-grading" let attempts reach each other).</summary>
    public const string DefaultNetwork = "swelancer-attempts";

    /// <summary>One slot per core, and no more than one per 1 GiB of memory (each may use its memory limit plus a browser page).</summary>
    public static int DefaultSlots()
    {
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024L * 1024 * 1024);
        return (int)Math.Max(1, Math.Min(Environment.ProcessorCount, memoryGiB));
    }

    public static ContainerPoolOptions For(string nodeId, int? slots = null) =>
        new(nodeId, slots ?? DefaultSlots(), ContainerLimits.Default);
}
