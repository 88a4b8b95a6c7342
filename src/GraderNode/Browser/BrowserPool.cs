using Microsoft.Playwright;
using SweLancer.GraderNode.Containers;

namespace SweLancer.GraderNode.Browser;

/// <summary>
/// One Chromium per node, shared by every attempt; each browser test gets its own fresh context (no shared storage).
/// Chromium comes from the system (nothing is downloaded) and is relaunched if it died.
/// </summary>
/// <param name="reachable">Hosts or subnets (Chromium bypass rules, e.g. "172.18.0.0/16", "127.0.0.1:8080") the browser may
/// connect to at all: everything else, loopback included, goes to a proxy that does not exist and fails.</param>
public sealed class BrowserPool(IReadOnlyList<string> reachable, string executablePath = BrowserPool.SystemChromium) : IAsyncDisposable
{
    public const string SystemChromium = "/usr/bin/chromium";

    /// <summary>Never resolves (.invalid), so a request sent to it fails instead of leaving the browser.</summary>
    private const string NowhereProxy = "http://nowhere.invalid:9";

    private readonly SemaphoreSlim _launch = new(1, 1);
    private TaskCompletionSource _nextLoss = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _launches;

    /// <summary>"running", "not started" (launched lazily by the first browser test) or "disconnected" (relaunched when next needed).</summary>
    public string State => _browser switch { null => "not started", { IsConnected: true } => "running", _ => "disconnected" };

    /// <summary>Completes when the browser is next lost (it crashed or was killed); take it before the work it would end.</summary>
    public Task NextLoss => Volatile.Read(ref _nextLoss).Task;

    /// <summary>How often Chromium was started: 1 for a node whose browser was never lost (benchmarks check the sharing with it).</summary>
    public int Launches => Volatile.Read(ref _launches);

    /// <summary>A fresh context whose pages reach only <paramref name="app"/>; the caller closes it.</summary>
    /// <exception cref="InfrastructureException">The browser cannot be started.</exception>
    public async Task<IBrowserContext> NewContextAsync(Uri app)
    {
        var browser = await BrowserAsync();
        try
        {
            var context = await browser.NewContextAsync(OriginConfinement.Options(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } }));
            await OriginConfinement.ApplyAsync(context, app);
            return context;
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
                // The proxy rules stop connections at the socket level (page routing in OriginConfinement stops requests,
                // but not Chromium's speculative preconnects): only the grading subnet is reached directly.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    $"--proxy-server={NowhereProxy}", $"--proxy-bypass-list=<-loopback>;{string.Join(';', reachable)}"],
            });
            Interlocked.Increment(ref _launches);
            _browser.Disconnected += (_, _) => Interlocked.Exchange(ref _nextLoss, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
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
