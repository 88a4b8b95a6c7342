using SweLancer.IntegrationTests.Infrastructure;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>
/// Model code (root in its container) tries to stop its own container, to have the attempt counted as a system error
/// (neither pass nor fail): it kills every process it can see, PID 1 included. The container stays up.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class ContainerGateSpec() : NodePoolSpec("gate-spec", slots: 1)
{
    [Fact]
    public async Task Model_code_cannot_stop_its_container()
    {
        await using var lease = await Pool.LeaseAsync(DockerFixture.ProbeImage, "gate", Ct);
        await lease.ReleaseGateAsync(Ct);

        await lease.ExecAsync(["sh", "-c", "for p in $(ls /proc | grep -E '^[0-9]+$'); do [ $p != $$ ] && kill -9 $p 2>/dev/null; done; kill -9 1; true"], "/", Ct);
        await Task.Delay(500, Ct);

        Assert.True((await lease.InspectAsync(Ct)).State.Running, "the container stopped: its model could have it graded a system error");
        Assert.Equal("alive", (await lease.ExecAsync(["echo", "alive"], "/", Ct)).Stdout.Trim());
    }
}
