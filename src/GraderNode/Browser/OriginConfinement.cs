using Microsoft.Playwright;

namespace SweLancer.GraderNode.Browser;

/// <summary>
/// Keeps a browser context's pages to the app under test. The model wrote the page's JavaScript, and the browser runs
/// on the grader's host: without this, page code could call anything the host reaches (a coordinator API on loopback,
/// other containers). Every request and WebSocket to another origin is aborted, and service workers are off (their
/// requests would bypass the context's routes).
/// </summary>
public static class OriginConfinement
{
    public static BrowserNewContextOptions Options(BrowserNewContextOptions options)
    {
        options.ServiceWorkers = ServiceWorkerPolicy.Block;
        return options;
    }

    public static async Task ApplyAsync(IBrowserContext context, Uri app)
    {
        await context.RouteAsync("**/*", route => Allowed(route.Request.Url, app) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
        await context.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex(".*"), ws =>
        {
            if (Allowed(ws.Url, app))
                ws.ConnectToServer();
            else
                _ = ws.CloseAsync(new() { Code = 1008, Reason = "only the app under test" });
        });
    }

    /// <summary>Same host and port as the app (http and ws alike); data: and blob: stay inside the page.</summary>
    public static bool Allowed(string url, Uri app)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target))
            return false;
        if (target.Scheme is "data" or "blob" or "about")
            return true;
        return target.Scheme is "http" or "https" or "ws" or "wss"
               && string.Equals(target.Host, app.Host, StringComparison.OrdinalIgnoreCase)
               && target.Port == app.Port;
    }
}
