using SweLancer.GraderNode.Containers;
using Xunit;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// A spec that drives one container pool of its own on the real engine (a node id unique to it). When it ends, the pool
/// is closed and none of its containers may be left.
/// </summary>
public abstract class NodePoolSpec(string name, int slots = 2) : IAsyncLifetime
{
    protected string NodeId { get; } = $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    protected ContainerPool Pool { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Images the spec needs, built before the pool starts.</summary>
    protected virtual void EnsureImages() => DockerFixture.EnsureProbeImage();

    public async ValueTask InitializeAsync()
    {
        EnsureImages();
        Pool = await DockerFixture.StartPoolAsync(NodeId, slots);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        Assert.Empty(DockerFixture.ContainersOfNode(NodeId));
    }
}
