using SweLancer.Hosting.Remoting;

namespace SweLancer.Hosting.Nodes;

/// <summary>
/// Where a node listens and which cluster it joins. An empty seed list makes the node found a cluster of its own
/// (embedded mode).
/// </summary>
/// <param name="BindHost">Address the remoting socket binds to (0.0.0.0 in a pod).</param>
/// <param name="PublicHost">Address other nodes reach this one at (the pod's DNS name).</param>
/// <param name="Port">Remoting port; 0 picks a free one.</param>
/// <param name="SeedNodes">Akka addresses such as akka.tcp://swelancer@host:4053, the same ordered list on every node.</param>
/// <param name="DownAfter">How long an unreachable node may stay so before the split brain resolver downs it.</param>
/// <param name="Tls">TLS for remoting, or null for plain TCP.</param>
public sealed record NodeSettings(string BindHost, string PublicHost, int Port, IReadOnlyList<string> SeedNodes, TimeSpan DownAfter, RemotingTls? Tls = null)
{
    public const string SystemName = "swelancer";

    public static NodeSettings Embedded { get; } = new("127.0.0.1", "127.0.0.1", 0, [], TimeSpan.FromSeconds(20));
}
