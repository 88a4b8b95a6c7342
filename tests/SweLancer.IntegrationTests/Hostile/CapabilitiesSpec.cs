using SweLancer.GraderNode.Containers;
using SweLancer.IntegrationTests.Infrastructure;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>
/// Model code, root in its container, uses what Docker's default capabilities allow: raw sockets (NET_RAW: crafted
/// packets, ping sweeps of the network), device nodes (MKNOD) and changing file owners (CHOWN). With Docker's defaults all
/// three work; in a grading container none does.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class CapabilitiesSpec() : NodePoolSpec("caps-spec", slots: 1)
{
    private const string Tries =
        "ping -c 1 -W 1 127.0.0.1 >/dev/null 2>&1 && echo raw-socket; " +
        "mknod /tmp/dev c 1 3 2>/dev/null && echo mknod; " +
        "touch /tmp/f && chown 33 /tmp/f 2>/dev/null && echo chown; true";

    [Fact]
    public async Task Root_in_a_grading_container_has_no_capabilities_to_use()
    {
        // The attack first, with Docker's default capabilities.
        var defaults = DockerFixture.Docker("run", "--rm", "--network", "none", DockerFixture.ProbeImage, "sh", "-c", Tries);
        Assert.Contains("raw-socket", defaults);
        Assert.Contains("mknod", defaults);
        Assert.Contains("chown", defaults);

        await using var lease = await Pool.LeaseAsync(DockerFixture.ProbeImage, "caps", Ct);
        // As root, which the app is not by default (NonRootContainerSpec): even root there has nothing to use.
        var confined = await lease.ExecAsync(["sh", "-c", Tries + "; id -u"], "/", Ct, ContainerLease.Root);
        Assert.EndsWith("0", confined.Stdout.Trim());

        Assert.DoesNotContain("raw-socket", confined.Output);
        Assert.DoesNotContain("mknod", confined.Output);
        Assert.DoesNotContain("chown", confined.Output);
    }
}
