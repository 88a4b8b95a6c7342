using System.Globalization;
using Microsoft.Playwright;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>The numbers the live status page shows for its selected sweep, read from the data attributes behind the text.</summary>
public sealed record ShownSweep(
    string? SweepId, string? State, decimal EarnedUsd, decimal AvailableUsd, int Tasks, int Graded, int Passed, int Failed, int SystemErrors,
    int AttemptsGraded, int EventsReceived, decimal ChartEarnedUsd);

/// <summary>The coordinator's status page open in headless system Chromium; every request to another host is refused and recorded.</summary>
public sealed class LiveStatusPage : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private LiveStatusPage(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    /// <summary>Requests the page made to anything but the coordinator.</summary>
    public List<string> ForeignRequests { get; } = [];

    public static async Task<LiveStatusPage> OpenAsync(string baseUrl, string url)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Without these Chromium keeps calling hosts that are closed here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        var opened = new LiveStatusPage(playwright, browser, page);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (opened.ForeignRequests)
                opened.ForeignRequests.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return opened;
    }

    public async Task<ShownSweep> ReadAsync()
    {
        var page = Page;
        var detail = page.Locator("#detail");
        async Task<int> Int(string id) => int.TryParse(await page.Locator(id).GetAttributeAsync("data-value"), CultureInfo.InvariantCulture, out var n) ? n : -1;
        async Task<decimal> Usd(string id, string attribute = "data-usd") =>
            decimal.Parse(await page.Locator(id).GetAttributeAsync(attribute) ?? "-1", NumberStyles.Float, CultureInfo.InvariantCulture);
        return new ShownSweep(
            await detail.GetAttributeAsync("data-sweep-id"), await detail.GetAttributeAsync("data-state"),
            await Usd("#earned"), await Usd("#available"), await Int("#tasks"), await Int("#graded"), await Int("#passed"), await Int("#failed"),
            await Int("#system-errors"), await Int("#attempts-graded"), await Int("#events-received"), await Usd("#earnings-chart", "data-final-usd"));
    }

    /// <summary>A data-usd/data-low/data-high reading of an element (the estimate, an interval), null while it is empty.</summary>
    public async Task<(decimal Value, decimal Low, decimal High)?> RangeAsync(string selector, string valueAttribute = "data-usd")
    {
        // Read at once: three reads could straddle a refresh and pair one poll's value with the next one's interval.
        var texts = await Page.Locator(selector).EvaluateAsync<string?[]>(
            "(e, value) => [e.getAttribute(value), e.getAttribute('data-low'), e.getAttribute('data-high')]", valueAttribute);
        if (texts.Any(string.IsNullOrEmpty))
            return null;
        var numbers = texts.Select(t => decimal.Parse(t!, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        return (numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>A data attribute of the nodes panel's containers cell for <paramref name="nodeId"/>, or null when the row or pool is absent.</summary>
    public async Task<int?> NodeContainersAsync(string nodeId, string attribute)
    {
        var cell = Page.Locator($"#nodes tr[data-node-id='{nodeId}'] td[data-field=containers]");
        if (await cell.CountAsync() == 0)
            return null;
        return int.TryParse(await cell.GetAttributeAsync("data-" + attribute), CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public async Task ScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
