using SweLancer.GraderNode.Containers;
using Xunit;

namespace SweLancer.Tests.GraderNode.Containers;

/// <summary>
/// A lease whose engine went away (restarting) while its disk watch was looking: disposing it must still hand the
/// container back for removal (and so give its slot back). It used to throw the watch's failed look instead, and a
/// restarted engine left the pool with no slots.
/// </summary>
public sealed class LeaseWithoutEngineSpec
{
    [Fact]
    public async Task A_lease_whose_engine_is_gone_is_still_handed_back_on_disposal()
    {
        using var docker = DockerEndpoint.Connect(new Uri("unix:///tmp/swelancer-no-such-engine.sock"));
        var handedBack = 0;
        var lease = new ContainerLease(docker, "0123456789abcdef", "image", "", _ => { handedBack++; return Task.CompletedTask; });
        lease.DiskWatch = DiskQuotaWatch.Start(docker, lease, 1024);
        await Task.Delay(DiskQuotaWatch.Interval * 2, TestContext.Current.CancellationToken); // at least one look failed

        await lease.DisposeAsync();

        Assert.Equal(1, handedBack);
    }
}
