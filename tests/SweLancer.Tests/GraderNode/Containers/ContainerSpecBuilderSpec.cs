using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Protocol;
using Xunit;

namespace SweLancer.Tests.GraderNode.Containers;

public sealed class ContainerSpecBuilderSpec
{
    [Fact]
    public void Every_container_is_labelled_limited_and_stripped_of_capabilities()
    {
        var spec = new ContainerSpec("img:1", ProtocolSettings.DefaultLimits, "none", Environment: new Dictionary<string, string> { ["A"] = "b" },
            WorkingDir: "/app/expensify", CapAdd: ProtocolCapabilities.Needed);
        var built = ContainerSpecBuilder.Build(spec, "node-1", "sweep-1");

        Assert.Equal("swelancer", built.Labels[ContainerLabels.Owner]);
        Assert.Equal("node-1", built.Labels[ContainerLabels.Node]);
        Assert.Equal("sweep-1", built.Labels[ContainerLabels.Sweep]);
        Assert.Equal(8L * 1024 * 1024 * 1024, built.HostConfig.Memory);
        Assert.Equal(built.HostConfig.Memory, built.HostConfig.MemorySwap);
        Assert.Equal(4096, built.HostConfig.PidsLimit);
        Assert.Equal(2_000_000_000, built.HostConfig.NanoCPUs);
        Assert.Equal("none", built.HostConfig.NetworkMode);
        Assert.False(built.HostConfig.Privileged);
        Assert.Equal(["ALL"], built.HostConfig.CapDrop);
        Assert.DoesNotContain("NET_RAW", built.HostConfig.CapAdd);
        Assert.DoesNotContain("SYS_ADMIN", built.HostConfig.CapAdd);
        Assert.Contains("no-new-privileges", built.HostConfig.SecurityOpt);
        Assert.Equal(["A=b"], built.Env);
        Assert.Null(built.Entrypoint); // the image's own entrypoint and command are kept
        Assert.Null(built.Cmd);
        Assert.Null(built.User); // the image's own user: the official images need root
    }

    [Fact]
    public void A_read_only_root_gets_an_anonymous_volume_for_each_install_folder()
    {
        var spec = new ContainerSpec("img:1", ContainerLimits.Default, "net", ReadOnlyRoot: true, Volumes: ["/hidden-tests", "/srv/app"]);
        var built = ContainerSpecBuilder.Build(spec, "node-1", "sweep-1");

        Assert.True(built.HostConfig.ReadonlyRootfs);
        Assert.Equal(["/hidden-tests", "/srv/app"], built.HostConfig.Mounts.Select(m => m.Target).ToArray());
        Assert.All(built.HostConfig.Mounts, m => Assert.Equal(("volume", null), (m.Type, m.Source))); // no name: removed with the container
    }

    [Fact]
    public void Without_volumes_no_mount_is_added()
    {
        var built = ContainerSpecBuilder.Build(new ContainerSpec("img:1", ContainerLimits.Default, "net"), "node-1", "sweep-1");
        Assert.False(built.HostConfig.ReadonlyRootfs);
        Assert.Null(built.HostConfig.Mounts);
    }

    [Fact]
    public void The_pools_user_goes_to_the_engine_as_given()
    {
        var spec = new ContainerSpec("img:1", ContainerLimits.Default, "net", User: ContainerPoolOptions.DefaultUser);
        Assert.Equal("65534:65534", ContainerSpecBuilder.Build(spec, "node-1", "sweep-1").User);
    }
}
