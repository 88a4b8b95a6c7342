using Akka.Cluster;
using SweLancer.Hosting.Nodes;
using Xunit;

namespace SweLancer.Tests.Hosting.Nodes;

public sealed class HealthVerdictSpec
{
    [Fact]
    public void An_up_member_with_reachable_persistence_is_ready() =>
        Assert.Null(HealthVerdict.Ready(MemberStatus.Up, systemTerminated: false, persistenceProblem: null));

    [Theory]
    [InlineData(MemberStatus.Joining)]
    [InlineData(MemberStatus.WeaklyUp)]
    [InlineData(MemberStatus.Leaving)]
    [InlineData(MemberStatus.Exiting)]
    [InlineData(MemberStatus.Down)]
    [InlineData(MemberStatus.Removed)]
    public void A_member_that_is_not_up_is_not_ready(MemberStatus status) =>
        Assert.Equal($"cluster member status is {status}, not Up", HealthVerdict.Ready(status, false, null));

    [Fact]
    public void Unreachable_persistence_makes_an_up_member_unready() =>
        Assert.Equal("persistence is not reachable: connection refused", HealthVerdict.Ready(MemberStatus.Up, false, "connection refused"));

    [Fact]
    public void A_terminated_system_is_neither_ready_nor_live()
    {
        Assert.Equal("the actor system has terminated", HealthVerdict.Ready(MemberStatus.Up, true, null));
        Assert.Equal("the actor system has terminated", HealthVerdict.Live(true, answered: true, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Live_means_the_actor_system_answered()
    {
        Assert.Null(HealthVerdict.Live(false, answered: true, TimeSpan.FromSeconds(3)));
        Assert.Equal("the actor system did not answer within 3 s", HealthVerdict.Live(false, answered: false, TimeSpan.FromSeconds(3)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("8558", 8558)]
    [InlineData(" 1 ", 1)]
    public void The_port_comes_from_the_variable(string? raw, int? expected) => Assert.Equal(expected, HealthVerdict.Port(raw));

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("health")]
    public void A_bad_port_names_the_variable(string raw) =>
        Assert.Contains("SWELANCER_HEALTH_PORT", Assert.Throws<ArgumentException>(() => HealthVerdict.Port(raw)).Message);
}
