using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using SweLancer.GraderNode.Browser;

namespace SweLancer.Bench;

/// <summary>
/// --profile: where the shared path spends a test's time. BrowserTestRun's steps re-enacted one by one with a clock on
/// each (context with origin routes, trace start, page, navigation, the other steps, trace stop, context close), in
/// variants that add the trace's screencast (the node recorded it before) or leave the trace or the routes out, so
/// their cost shows. Diagnostic only: not the measured comparison.
/// </summary>
public static class SharedPathProfile
{
    private static readonly string[] Phases = ["context", "trace start", "page", "navigate", "other steps", "trace stop", "close"];

    public static async Task RunAsync(IReadOnlyList<BrowserJob> jobs, AppInstances apps, int concurrency, CancellationToken cancellation)
    {
        await using var browsers = new BrowserPool([apps.GradingSubnet]);
        foreach (var (name, trace, screenshots, routes) in new[]
                 {
                     ("warm-up", true, false, true), ("as the node", true, false, true), ("screencast too", true, true, true),
                     ("no trace", false, false, true), ("no routes", true, false, false), ("neither", false, false, false),
                 })
        {
            var times = Phases.ToDictionary(p => p, _ => new List<double>());
            var failed = 0;
            var cpu = ProcessTree.CpuSeconds();
            var byCommand = ProcessTree.CpuSecondsByCommand();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellation }, async (job, _) =>
            {
                var baseUrl = new Uri($"http://{apps.For(job).IpAddress}:{job.Task.Ic!.ServePort}/");
                var steps = new BrowserStepRunner(baseUrl);
                var phase = Stopwatch.StartNew();
                void Lap(string p)
                {
                    lock (times)
                        times[p].Add(phase.Elapsed.TotalMilliseconds);
                    phase.Restart();
                }
                IBrowserContext context;
                if (routes)
                {
                    context = await browsers.NewContextAsync(baseUrl);
                }
                else
                {
                    // The same browser, reached through a context the pool made and whose routes are taken off again.
                    context = await browsers.NewContextAsync(baseUrl);
                    await context.UnrouteAllAsync();
                }
                Lap("context");
                if (trace)
                    await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = screenshots, Snapshots = true, Title = job.Test.Name });
                Lap("trace start");
                var page = await context.NewPageAsync();
                Lap("page");
                double navigate = 0, other = 0;
                foreach (var step in job.Test.Steps)
                {
                    var s = Stopwatch.StartNew();
                    try
                    {
                        await steps.RunAsync(page, step);
                    }
                    catch (StepFailedException)
                    {
                        // The apps serve every variant in turn, so a test that posts to the API finds the last one's data.
                        Interlocked.Increment(ref failed);
                        break;
                    }
                    if (step.Action == "navigate")
                        navigate += s.Elapsed.TotalMilliseconds;
                    else
                        other += s.Elapsed.TotalMilliseconds;
                }
                lock (times)
                {
                    times["navigate"].Add(navigate);
                    times["other steps"].Add(other);
                }
                phase.Restart();
                if (trace)
                    await context.Tracing.StopAsync();
                Lap("trace stop");
                await context.CloseAsync();
                Lap("close");
            });
            var makespan = clock.Elapsed.TotalSeconds;
            cpu = ProcessTree.CpuSeconds() - cpu;
            var split = ProcessTree.CpuSecondsByCommand().Select(kv => $"{kv.Key} {kv.Value - byCommand.GetValueOrDefault(kv.Key):F1}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"profile {name,-20}: makespan {makespan,6:F2} s, CPU {cpu,5:F1} s; median ms per test: {string.Join(", ", Phases.Select(p => $"{p} {Stats.Median(times[p]):F0}"))}; {failed} failed; CPU s by process: {string.Join(", ", split)}"));
        }
    }
}
