using System.Text.RegularExpressions;
using SweLancer.Coordinator.Api;
using Xunit;

namespace SweLancer.Tests.Coordinator.Api;

public sealed class StatusPageSpec
{
    private static readonly string Html = StatusPage.Read();

    [Fact]
    public void The_page_ships_inside_the_coordinator_with_its_script_and_style_inline()
    {
        Assert.StartsWith("<!DOCTYPE html>", Html);
        Assert.Contains("<style>", Html);
        Assert.Contains("<script>", Html);
        Assert.DoesNotMatch("<script[^>]+src=", Html);
        Assert.DoesNotMatch("<link[^>]+href=", Html);
    }

    [Fact]
    public void The_page_loads_nothing_from_another_host()
    {
        // The SVG namespace is a name, not a request.
        var urls = Regex.Matches(Html, """(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^"'\s)]*""").Select(m => m.Value)
            .Where(u => u != "http://www.w3.org/2000/svg");
        Assert.Empty(urls);
        Assert.Contains("connect-src 'self'", StatusPage.ContentSecurityPolicy);
        Assert.StartsWith("default-src 'none'", StatusPage.ContentSecurityPolicy);
    }

    [Fact]
    public void The_page_reads_the_ledger_and_the_live_stream_with_the_token_it_was_opened_with()
    {
        Assert.Contains("\"/api/sweeps\"", Html);
        Assert.Contains("\"/api/nodes\"", Html);
        Assert.Contains("new EventSource(withToken(", Html);
        Assert.Contains("Authorization: \"Bearer \" + token", Html);
        foreach (var id in new[] { "earned", "available", "graded", "tasks", "passed", "failed", "system-errors", "events-received" })
            Assert.Contains($"id=\"{id}\"", Html);
    }
}
