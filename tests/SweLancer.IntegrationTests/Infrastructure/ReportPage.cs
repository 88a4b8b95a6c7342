using Microsoft.Playwright;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>What report.html shows, read from the page as a browser renders it (text) and from its data attributes (values).</summary>
public sealed record ShownReport(
    string Earned, decimal EarnedUsd, string Available, decimal AvailableUsd,
    int Tasks, int Graded, int Passed, int Failed, int SystemErrors,
    IReadOnlyDictionary<string, (int Tasks, int Passed, string Earned)> ByVariant,
    int ProblemRows, IReadOnlyList<string> ArtefactHrefs);

/// <summary>Opens a report.html from disk in headless system Chromium, with every non-file request refused and recorded.</summary>
public sealed class ReportPage : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ReportPage(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    /// <summary>Requests the page made for anything not on disk: a self-contained report makes none.</summary>
    public List<string> NetworkRequests { get; } = [];

    public static async Task<ReportPage> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Without these Chromium keeps calling hosts that are closed here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new ReportPage(playwright, browser);
    }

    /// <summary>Opens the report, saves a full-page screenshot and reads what it shows.</summary>
    public async Task<(ShownReport Shown, IPage Page)> OpenAsync(string reportPath, string screenshotPath)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (NetworkRequests)
                NetworkRequests.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await page.GotoAsync(new Uri(reportPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Directory.CreateDirectory(Path.GetDirectoryName(screenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true });
        // The failures table at full resolution too: the full page is too tall to read when scaled down.
        await page.Locator("#problems").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.ChangeExtension(screenshotPath, ".problems.png") });

        async Task<int> Int(string selector) => Count(await page.Locator(selector).InnerTextAsync());
        async Task<decimal> Usd(string selector) => decimal.Parse((await page.Locator(selector).GetAttributeAsync("data-usd"))!, System.Globalization.CultureInfo.InvariantCulture);

        var byVariant = new Dictionary<string, (int, int, string)>();
        foreach (var row in await page.Locator("#by-variant tr[data-variant]").AllAsync())
        {
            var cell = (string field) => row.Locator($"td[data-field={field}]").InnerTextAsync();
            byVariant[(await row.GetAttributeAsync("data-variant"))!] = (Count(await cell("tasks")), Count(await cell("passed")), await cell("earned"));
        }

        var hrefs = new List<string>();
        foreach (var link in await page.Locator("#problems a.artefact").AllAsync())
            hrefs.Add((await link.GetAttributeAsync("href"))!);

        var shown = new ShownReport(
            await page.Locator("#total-earned").InnerTextAsync(), await Usd("#total-earned"),
            await page.Locator("#total-available").InnerTextAsync(), await Usd("#total-available"),
            await Int("#total-tasks"), await Int("#total-graded"), await Int("#total-passed"), await Int("#total-failed"), await Int("#total-system-errors"),
            byVariant,
            await page.Locator("#problems tr[data-outcome]").CountAsync(),
            hrefs);
        return (shown, page);
    }

    private static int Count(string shown) => int.Parse(shown, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
