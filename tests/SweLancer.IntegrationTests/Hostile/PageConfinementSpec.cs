using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using SweLancer.GraderNode.Browser;
using SweLancer.IntegrationTests.Infrastructure;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>
/// The model writes the page's JavaScript, and the browser runs on the grader's host. A hostile page tries to reach a
/// real listener on the host's loopback (where a coordinator API without a token may listen) by fetch, XHR, an image,
/// a form post, a WebSocket and a navigation. Unconfined, it gets through; through the grader's browser pool, nothing does.
/// </summary>
[Trait("Needs", "Chromium")]
public sealed class PageConfinementSpec
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string HostilePage(int target) => $$"""
        <html><body><h1>app</h1><form id=f method=post action="http://127.0.0.1:{{target}}/form"><input name=a value=1></form>
        <img src="http://127.0.0.1:{{target}}/img">
        <script>
          fetch("http://127.0.0.1:{{target}}/fetch", {method: "POST", mode: "no-cors", body: "junk"}).catch(() => {});
          fetch("http://localhost:{{target}}/fetch-localhost", {mode: "no-cors"}).catch(() => {});
          try { const x = new XMLHttpRequest(); x.open("POST", "http://127.0.0.1:{{target}}/xhr"); x.send("junk"); } catch (e) {}
          try { new WebSocket("ws://127.0.0.1:{{target}}/ws"); } catch (e) {}
          // The page leaves only after its load event, so its own navigations never race the test's (which waits only
          // for the commit: a CI run on a busy host once timed out waiting for this page's load).
          addEventListener("load", () => {
            setTimeout(() => document.getElementById("f").submit(), 300);
            setTimeout(() => { location.href = "http://127.0.0.1:{{target}}/navigate"; }, 600);
          });
        </script></body></html>
        """;

    [Fact]
    public async Task A_page_reaches_only_the_app_under_test()
    {
        // The attack first: an ordinary context reaches the host's listener. Each phase has its own listener and app, so
        // a connection of the first that arrives late is never counted against the second.
        using (var target = new ConnectionCounter())
        using (var app = new OnePageServer(HostilePage(target.Port)))
        using (var playwright = await Playwright.CreateAsync())
        {
            await using var raw = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserPool.SystemChromium, Args = ["--no-sandbox", "--disable-background-networking"] });
            var page = await (await raw.NewContextAsync()).NewPageAsync();
            await page.GotoAsync(app.Url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
            await target.WaitForAsync(1, TimeSpan.FromSeconds(60));
            Assert.True(target.Connections > 0, "the unconfined page should have reached the listener");
        }

        using var confinedTarget = new ConnectionCounter();
        using var confinedApp = new OnePageServer(HostilePage(confinedTarget.Port));
        await using var browsers = new BrowserPool([$"127.0.0.1:{confinedApp.Url.Port}"]);
        var context = await browsers.NewContextAsync(confinedApp.Url);
        var blocked = 0;
        context.RequestFailed += (_, _) => Interlocked.Increment(ref blocked);
        var confined = await context.NewPageAsync();
        var served = await confined.GotoAsync(confinedApp.Url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        // The app itself answered (the page then navigates to blocked URLs on its own timers, so neither the page nor the
        // response body can be read reliably afterwards; the status and the app's own count can).
        Assert.True(served is { Ok: true, Status: 200 }, "the app itself must be reachable");
        // The page did make its tries (image, fetches, XHR, form, navigation), however slowly it loaded; all were stopped.
        for (var deadline = DateTime.UtcNow.AddSeconds(60); Volatile.Read(ref blocked) < 5 && DateTime.UtcNow < deadline; )
            await Task.Delay(100, Ct);
        Assert.True(Volatile.Read(ref blocked) >= 5, $"only {blocked} of the page's tries were seen");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        await context.CloseAsync();

        Assert.True(confinedTarget.Connections == 0, "reached the host's listener: " + string.Join(" | ", confinedTarget.Seen));
    }

    [Theory]
    [InlineData("http://10.0.0.5:8080/x", true)]
    [InlineData("ws://10.0.0.5:8080/socket", true)]
    [InlineData("http://10.0.0.5:8081/x", false)]
    [InlineData("http://127.0.0.1:8080/x", false)]
    [InlineData("https://example.com/", false)]
    [InlineData("data:text/plain,hi", true)]
    [InlineData("file:///etc/passwd", false)]
    public void Only_the_app_s_origin_is_allowed(string url, bool allowed) =>
        Assert.Equal(allowed, OriginConfinement.Allowed(url, new Uri("http://10.0.0.5:8080/")));

    /// <summary>A real listener on loopback that counts the connections made to it.</summary>
    private sealed class ConnectionCounter : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _connections;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _seen = new();

        public IEnumerable<string> Seen => _seen;

        public ConnectionCounter()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (Connections < count && DateTime.UtcNow < until)
                await Task.Delay(100);
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            var buffer = new byte[200];
                            using var read = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                            try
                            {
                                var n = await client.GetStream().ReadAsync(buffer, read.Token);
                                _seen.Enqueue(Encoding.ASCII.GetString(buffer, 0, n).Split('\n')[0].Trim());
                            }
                            catch (Exception)
                            {
                                _seen.Enqueue("(connection, nothing read)");
                            }
                        }
                    });
                }
            }
            catch (ObjectDisposedException)
            {
            }
            catch (SocketException)
            {
            }
        }

        public void Dispose() => _listener.Stop();
    }

    /// <summary>The app under test: serves one page for any path.</summary>
    private sealed class OnePageServer : IDisposable
    {
        private readonly HttpListener _listener = new();

        public OnePageServer(string html)
        {
            var port = FreePort.Next();
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _ = ServeAsync(Encoding.UTF8.GetBytes(html));
        }

        public Uri Url { get; }

        private async Task ServeAsync(byte[] page)
        {
            try
            {
                while (true)
                {
                    var context = await _listener.GetContextAsync();
                    context.Response.ContentType = "text/html";
                    await context.Response.OutputStream.WriteAsync(page);
                    context.Response.Close();
                }
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
            }
        }

        public void Dispose() => _listener.Close();
    }
}
