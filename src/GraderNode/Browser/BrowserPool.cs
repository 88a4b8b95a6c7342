using Microsoft.Playwright;
using SweLancer.GraderNode.Containers;

namespace SweLancer.GraderNode.Browser;

/// <summary>
/// One Chromium per node, shared by every attempt; each browser test gets its own fresh context (no shared storage).
/// Chromium comes from the system (nothing is downloaded) and is relaunched if it died.
/// </summary>
public sealed class BrowserPool(string executablePath = BrowserPool.SystemChromium) : IAsyncDisposable
{
    public const string SystemChromium = "/usr/bin/chromium";

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>"running", "not started" (launched lazily by the first browser test) or "disconnected" (relaunched when next needed).</summary>
    public string State => _browser switch { null => "not started", { IsConnected: true } => "running", _ => "disconnected" };

    /// <summary>A fresh context; the caller closes it.</summary>
    /// <exception cref="InfrastructureException">The browser cannot be started.</exception>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var browser = await BrowserAsync();
        try
        {
            return await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        }
        catch (PlaywrightException ex)
        {
            throw new InfrastructureException($"browser context could not be created: {ex.Message}", retryable: true, ex);
        }
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _launch.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
                return _browser;
            if (!File.Exists(executablePath))
                throw new InfrastructureException($"no browser at {executablePath} (apt-get install -y chromium)", retryable: false);
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                // Without these Chromium keeps calling hosts that are closed here.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        catch (PlaywrightException ex)
        {
            throw new InfrastructureException($"browser could not be launched: {ex.Message}", retryable: true, ex);
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
