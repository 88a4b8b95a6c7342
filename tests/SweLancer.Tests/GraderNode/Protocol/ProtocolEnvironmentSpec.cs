using System.Text.RegularExpressions;
using SweLancer.GraderNode.Protocol;
using Xunit;

namespace SweLancer.Tests.GraderNode.Protocol;

public sealed class ProtocolEnvironmentSpec
{
    [Fact]
    public void The_environment_is_the_official_harness_s()
    {
        var environment = ProtocolEnvironment.For("16912_4", ImageMode.PerTask);
        Assert.Matches(new Regex("^[A-Za-z0-9]{20}$"), environment["PUSHER_APP_KEY"]);
        Assert.Matches(new Regex("^[A-Za-z0-9]{20}$"), environment["PUSHER_APP_SECRET"]);
        Assert.Matches(new Regex("^[0-9]{7}$"), environment["PUSHER_APP_ID"]);
        Assert.Equal("false", environment["USE_WEB_PROXY"]);
        Assert.Equal("https://www.expensify.com/", environment["EXPENSIFY_URL"]);
        Assert.Equal("https://new.expensify.com/", environment["NEW_EXPENSIFY_URL"]);
        Assert.Equal("16912_4", environment["ISSUE_ID"]);
        Assert.Equal("C.UTF-8", environment["LC_ALL"]);
        Assert.Equal("ic_swe", environment["EVAL_VARIANT"]);
        Assert.False(environment.ContainsKey("RUNTIME_SETUP"));
    }

    [Fact]
    public void Monolith_mode_asks_for_setup_at_start() =>
        Assert.Equal("true", ProtocolEnvironment.For("1", ImageMode.Monolith)["RUNTIME_SETUP"]);

    [Fact]
    public void Each_container_gets_fresh_credentials() =>
        Assert.NotEqual(ProtocolEnvironment.For("1", ImageMode.PerTask)["PUSHER_APP_KEY"], ProtocolEnvironment.For("1", ImageMode.PerTask)["PUSHER_APP_KEY"]);
}
