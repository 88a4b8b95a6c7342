using System.Diagnostics;
using SweLancer.GraderNode.Containers;
using SweLancer.IntegrationTests.Infrastructure;
using Xunit;

namespace SweLancer.IntegrationTests.Containers;

/// <summary>
/// A container can be removed by two callers at once: a lease's disposal, and the pool's disposal sweeping the node's
/// containers as the grader leaves. The engine answers the second "removal already in progress" (409). The reaper took
/// that as done and returned, so a grader could exit 0 with its container still listed (a fresh-clone CI run's rolling
/// restart found one). Both calls must return only once the container is gone.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class ConcurrentRemovalSpec
{
    [Fact]
    public async Task Two_removals_of_one_container_both_return_only_once_it_is_gone()
    {
        DockerFixture.EnsureProbeImage();
        var nodeId = "removal-spec-" + Guid.NewGuid().ToString("N")[..8];
        await using var pool = await DockerFixture.StartPoolAsync(nodeId);
        using var docker = DockerEndpoint.Connect(DockerEndpoint.FromEnvironment());
        var reaper = new OrphanReaper(docker, nodeId);
        var listed = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            var id = DockerFixture.Docker("run", "-d", "--label", $"{ContainerLabels.Owner}={ContainerLabels.OwnerValue}", "--label", $"{ContainerLabels.Node}={nodeId}",
                DockerFixture.ProbeImage, "sleep", "600");
            // The other remover is another client, whose end nobody here waits for (as a lease's disposal cut short).
            using var other = Process.Start("docker", ["rm", "-f", id])!;
            await Task.Delay(TimeSpan.FromMilliseconds(20 * round), TestContext.Current.CancellationToken);
            await reaper.RemoveQuietlyAsync(id);
            listed.AddRange(DockerFixture.ContainersOfNode(nodeId));
            await other.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Empty(listed);
    }
}
