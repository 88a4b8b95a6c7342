using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Telemetry;
using SweLancer.Messages.Events;
using SweLancer.Messages.Tasks;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// The browser runner: waits for the app to answer, then runs every browser test in order against the same container
/// (tests of a task may build on the app's state), each in a fresh browser context. The first failing step fails the
/// task; a screenshot and a Playwright trace of that test are kept as artefacts. The time from the first test's start
/// to the run's end is the attempt's browser time.
/// </summary>
public sealed class BrowserTestRun(BrowserPool browsers, string artefactsDir)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <param name="run">Which run of the attempt this is (1 for the first): names its artefacts.</param>
    public async Task<GradeDecision> RunAsync(ContainerLease lease, TaskDefinition task, AttemptContext attempt, int run, CancellationToken cancellation)
    {
        var spec = task.Ic!;
        var budget = TimeSpan.FromSeconds(spec.TimeoutSeconds);
        var baseUrl = new Uri($"http://{lease.IpAddress}:{spec.ServePort}/");
        var artefacts = new List<string>();
        var lost = browsers.NextLoss; // a browser killed or crashed meanwhile is ours, not a slow app
        var testsStarted = new StrongBox<long>();
        var phase = RunTestsAsync(lease, task, attempt, run, baseUrl, artefacts, testsStarted, cancellation);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var timeout = Task.Delay(budget, timer.Token);
        Task first;
        try
        {
            first = await Task.WhenAny(phase, timeout, lost);
        }
        finally
        {
            // Up to the phase's end or its abandonment; waiting for the app to answer is not browser time.
            var since = Volatile.Read(ref testsStarted.Value);
            if (since != 0)
                attempt.Meter.AddBrowserTime(Stopwatch.GetElapsedTime(since));
        }
        await timer.CancelAsync();
        if (first == phase)
            return await phase;
        cancellation.ThrowIfCancellationRequested();
        // The phase is abandoned; destroying the container (by the caller) ends whatever it still waits on.
        _ = phase.ContinueWith(t => t.Exception, TaskScheduler.Default);
        return first == lost
            ? GradeDecision.SystemError("the browser was lost during the browser tests (killed or crashed); it is relaunched for the retry", retryable: true, artefacts)
            : GradeDecision.Fail($"timed out after {spec.TimeoutSeconds}s", artefacts);
    }

    private async Task<GradeDecision> RunTestsAsync(ContainerLease lease, TaskDefinition task, AttemptContext attempt, int run, Uri baseUrl, List<string> artefacts,
        StrongBox<long> testsStarted, CancellationToken cancellation)
    {
        var spec = task.Ic!;
        await lease.ReleaseGateAsync(cancellation);
        await WaitForAppAsync(baseUrl, cancellation);
        Volatile.Write(ref testsStarted.Value, Stopwatch.GetTimestamp());

        var steps = new BrowserStepRunner(baseUrl);
        foreach (var test in spec.BrowserTests!)
        {
            using var span = SweLancerTelemetry.Source.StartActivity("browser.test");
            span?.SetTag("swelancer.browser.test.name", test.Name);
            var started = Stopwatch.GetTimestamp();
            var outcome = GradeOutcome.SystemError;
            var context = await browsers.NewContextAsync(baseUrl);
            try
            {
                // DOM snapshots and the action log, without the screencast: its frames cost ~20 % of a test's browser
                // CPU (bench/browser-sharing.sh --profile), and a failure keeps its own full-page screenshot.
                await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = false, Snapshots = true, Title = test.Name });
                var page = await context.NewPageAsync();
                for (var i = 0; i < test.Steps.Count; i++)
                {
                    try
                    {
                        await steps.RunAsync(page, test.Steps[i]);
                    }
                    catch (StepFailedException failed)
                    {
                        outcome = GradeOutcome.Failed;
                        span?.SetTag("swelancer.browser.test.failed_step", i + 1);
                        artefacts.AddRange(await SaveArtefactsAsync(context, page, task, attempt, run, test));
                        return GradeDecision.Fail($"browser test '{test.Name}' failed at step {i + 1} ({failed.Message})", artefacts);
                    }
                }
                await context.Tracing.StopAsync();
                outcome = GradeOutcome.Passed;
            }
            catch (PlaywrightException ex)
            {
                span.RecordFailure(ex);
                throw new InfrastructureException($"browser failed during '{test.Name}': {ex.Message.Split('\n')[0]}", retryable: true, ex);
            }
            finally
            {
                await CloseQuietlyAsync(context);
                span?.SetTag(TelemetryTags.Outcome, OutcomeNames.Of(outcome));
                GraderMetrics.BrowserTestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList
                {
                    { TelemetryTags.Variant, task.Variant },
                    { TelemetryTags.Outcome, OutcomeNames.Of(outcome) },
                });
            }
        }
        return GradeDecision.Pass(task.PriceUsd, $"{spec.BrowserTests!.Count} browser test(s) passed");
    }

    /// <summary>Until the app answers HTTP at all (any status): it starts only now, after the patches.</summary>
    private static async Task WaitForAppAsync(Uri baseUrl, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(baseUrl, cancellation);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                await Task.Delay(100, cancellation);
            }
        }
    }

    private async Task<IReadOnlyList<string>> SaveArtefactsAsync(IBrowserContext context, IPage page, TaskDefinition task, AttemptContext attempt, int run,
        BrowserTest test)
    {
        var folder = ArtefactFolder.For(artefactsDir, attempt, task.QuestionId);
        Directory.CreateDirectory(folder);
        // A rerun keeps its own files beside the first run's (same test name, same folder).
        var stem = Path.Combine(folder, ArtefactFolder.Safe(test.Name) + (run == 1 ? "" : $".run-{run}"));
        var saved = new List<string>();
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true, Timeout = 5000 });
            saved.Add(stem + ".png");
        }
        catch (PlaywrightException)
        {
            // A page that cannot be shot still has its trace.
        }
        catch (TimeoutException)
        {
        }
        await context.Tracing.StopAsync(new TracingStopOptions { Path = stem + ".trace.zip" });
        saved.Add(stem + ".trace.zip");
        return saved;
    }

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException)
        {
        }
    }
}
