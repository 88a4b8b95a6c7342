using SweLancer.Coordinator.Api;
using Xunit;

namespace SweLancer.Tests.Coordinator.Api;

public sealed class ApiSettingsSpec
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Loopback_addresses_need_no_token(string url) =>
        Assert.Null(new ApiSettings([url], null, "data").Problem());

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://coordinator.sweeps.svc:5080")]
    public void Any_other_address_needs_a_token(string url)
    {
        Assert.Contains("bearer token is required", new ApiSettings(["http://127.0.0.1:1", url], null, "data").Problem());
        Assert.Null(new ApiSettings([url], "secret", "data").Problem());
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1")]
    public void A_url_that_is_not_http_is_named(string url) =>
        Assert.Contains($"'{url}' is not an http(s) URL", new ApiSettings([url], "t", "data").Problem());
}
