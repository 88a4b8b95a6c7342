using System.Diagnostics;
using Microsoft.Playwright;
using SweLancer.GraderNode.Browser;

namespace SweLancer.Bench;

/// <summary>
/// The pytest-playwright way: per test, launch Chromium, open a new context and page, run the test, close the browser.
/// Same Chromium, same launch flags as the node's pool, same viewport, same step semantics (<see cref="BrowserStepRunner"/>);
/// no trace and no origin routes (a plain test has neither), so this side does less per test than the node does. Before
/// the browser, each test does what BrowserTestRun does first (release the container's gate, check the app answers). One
/// Playwright driver serves the whole side (started before the clock), as a pytest session's does.
/// </summary>
public static class PerTestBrowserSide
{
    public const string Mode = "per-test";

    public static async Task<SideRun> RunAsync(IReadOnlyList<BrowserJob> jobs, AppInstances apps, int concurrency, int round, CancellationToken cancellation)
    {
        using var playwright = await Playwright.CreateAsync();
        var launchOptions = new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPool.SystemChromium,
            Headless = true,
            // BrowserPool's flags (the proxy pair confines the browser to the grading subnet, as on a node).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--proxy-server=http://nowhere.invalid:9", $"--proxy-bypass-list=<-loopback>;{apps.GradingSubnet}"],
        };
        var durations = new double[jobs.Count];
        var reasons = new string?[jobs.Count];
        var launches = 0;
        using var memory = ProcessTreeMemory.Start();
        var cpu = ProcessTree.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellation }, async (job, ct) =>
        {
            var started = clock.Elapsed;
            var baseUrl = new Uri($"http://{apps.For(job).IpAddress}:{job.Task.Ic!.ServePort}/");
            var steps = new BrowserStepRunner(baseUrl);
            IBrowser? browser = null;
            try
            {
                // What BrowserTestRun does before its tests, so that only the browser's part differs between the sides.
                await apps.For(job).ReleaseGateAsync(ct);
                await AppInstances.WaitForAppAsync(baseUrl, ct);
                browser = await playwright.Chromium.LaunchAsync(launchOptions);
                Interlocked.Increment(ref launches);
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                var page = await context.NewPageAsync();
                for (var i = 0; i < job.Test.Steps.Count; i++)
                {
                    try
                    {
                        await steps.RunAsync(page, job.Test.Steps[i]);
                    }
                    catch (StepFailedException failed)
                    {
                        reasons[job.Index] = $"{job.Name}: failed at step {i + 1} ({failed.Message})";
                        break;
                    }
                }
            }
            catch (PlaywrightException ex)
            {
                reasons[job.Index] = $"{job.Name}: browser error: {ex.Message.Split('\n')[0]}";
            }
            finally
            {
                if (browser is not null)
                    await browser.CloseAsync();
            }
            durations[job.Index] = (clock.Elapsed - started).TotalSeconds;
        });
        return SideRun.From(Mode, round, clock.Elapsed.TotalSeconds, durations, reasons, launches, memory.PeakBytes, ProcessTree.CpuSeconds() - cpu);
    }
}
