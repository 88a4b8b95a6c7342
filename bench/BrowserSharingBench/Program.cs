using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SweLancer.Domain.Import;

namespace SweLancer.Bench;

/// <summary>
/// The same N browser tests of the sample pool, run with concurrency C through the grader node's shared browser and
/// with one Chromium launched per test, side by side in each round. See bench/README.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"browser-sharing-bench: {ex.Message}");
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
        var jobs = BrowserJob.RoundRobin(TaskManifestReader.Read(options.TasksJson), options.Tests);
        if (jobs.Count == 0)
        {
            Console.Error.WriteLine($"browser-sharing-bench: {options.TasksJson} has no browser-runner task with a gold patch");
            return 2;
        }
        var distinct = jobs.Select(j => j.Name).Distinct().Count();
        var benchId = $"{Environment.ProcessId}-{DateTime.UtcNow:HHmmss}";
        Console.WriteLine($"browser-sharing bench: {jobs.Count} tests ({distinct} distinct browser tests of {jobs.Select(j => j.Task.QuestionId).Distinct().Count()} tasks, " +
                          $"round-robin, gold patches), concurrency {options.Concurrency}, rounds {options.Rounds}, {Environment.ProcessorCount} cores, bench id {benchId}");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var runs = new List<SideRun>();
        if (options.Profile)
        {
            await using var apps = await AppInstances.StartAsync(jobs, $"bench-browser-{benchId}-profile", $"bench-browser-{benchId}-profile-sweep", stop.Token);
            await SharedPathProfile.RunAsync(jobs, apps, options.Concurrency, stop.Token);
            return 0;
        }
        try
        {
            if (options.Warmup)
            {
                // Not measured: JIT of both paths, Chromium's first start from disk, the first containers of the image.
                var warm = jobs.Take(Math.Min(jobs.Count, options.Concurrency)).ToList();
                var ws = await RunSideAsync(SharedBrowserSide.Mode, warm, options.Concurrency, 0, benchId, stop.Token);
                var wp = await RunSideAsync(PerTestBrowserSide.Mode, warm, options.Concurrency, 0, benchId, stop.Token);
                Console.WriteLine($"warm-up (not counted): shared {ws.MakespanSeconds:F2} s, per-test {wp.MakespanSeconds:F2} s, {ws.Passed + wp.Passed}/{2 * warm.Count} passed");
                // Only reported: the measured rounds must pass in full, the warm-up only warms.
                PrintFailures(ws);
                PrintFailures(wp);
            }
            for (var round = 1; round <= options.Rounds; round++)
            {
                // Alternate who goes first, so a trend in the shared machine's load does not always favour one side.
                var order = round % 2 == 1 ? new[] { SharedBrowserSide.Mode, PerTestBrowserSide.Mode } : [PerTestBrowserSide.Mode, SharedBrowserSide.Mode];
                foreach (var mode in order)
                {
                    var run = await RunSideAsync(mode, jobs, options.Concurrency, round, benchId, stop.Token);
                    runs.Add(run);
                    Console.WriteLine(run.Line());
                    PrintFailures(run);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("browser-sharing-bench: interrupted");
            return 130;
        }

        var shared = runs.Where(r => r.Mode == SharedBrowserSide.Mode).ToList();
        var perTest = runs.Where(r => r.Mode == PerTestBrowserSide.Mode).ToList();
        var ratios = Enumerable.Range(1, options.Rounds)
            .Select(r => shared.Single(x => x.Round == r).MakespanSeconds / perTest.Single(x => x.Round == r).MakespanSeconds)
            .ToList();
        var medianRatio = Stats.Median(ratios);
        var cpuRatios = Enumerable.Range(1, options.Rounds)
            .Select(r => shared.Single(x => x.Round == r).CpuSeconds / perTest.Single(x => x.Round == r).CpuSeconds)
            .ToList();
        var allPassed = runs.All(r => r.Passed == r.Tests);
        Console.WriteLine($"ratio shared/per-test makespan per round: {string.Join(", ", ratios.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}; " +
                          $"median {medianRatio:F3} (target <= 0.35); CPU seconds shared/per-test median {Stats.Median(cpuRatios):F3}");
        Console.WriteLine($"median makespan: shared {Stats.Median(Makespans(shared)):F2} s, per-test {Stats.Median(Makespans(perTest)):F2} s; " +
                          $"median per-test time: shared {Stats.Median(shared.Select(r => r.P50).ToList()):F2} s, per-test {Stats.Median(perTest.Select(r => r.P50).ToList()):F2} s");

        var report = new
        {
            bench = "browser-sharing",
            bench_id = benchId,
            finished_utc = DateTime.UtcNow.ToString("o"),
            machine_cores = Environment.ProcessorCount,
            tests = jobs.Count,
            distinct_tests = distinct,
            concurrency = options.Concurrency,
            rounds = options.Rounds,
            app = "one container per test from the node's ContainerPool (swelancer-sample/freelance-app:1, bug + gold patch), started before the clock",
            runs = runs.Select(r => new
            {
                round = r.Round,
                mode = r.Mode,
                makespan_s = Math.Round(r.MakespanSeconds, 3),
                tests_per_s = Math.Round(r.Tests / r.MakespanSeconds, 3),
                test_p50_s = Math.Round(r.P50, 3),
                test_p95_s = Math.Round(r.P95, 3),
                chromium_launches = r.ChromiumLaunches,
                peak_rss_mib = Math.Round(r.PeakRssBytes / (1024.0 * 1024), 1),
                cpu_s = Math.Round(r.CpuSeconds, 2),
                tests = r.Tests,
                passed = r.Passed,
                failures = r.Failures,
            }),
            ratio_shared_over_per_test = ratios.Select(r => Math.Round(r, 3)),
            median_ratio = Math.Round(medianRatio, 3),
            cpu_ratio_shared_over_per_test = cpuRatios.Select(r => Math.Round(r, 3)),
            median_cpu_ratio = Math.Round(Stats.Median(cpuRatios), 3),
            target_ratio = 0.35,
            median_makespan_shared_s = Math.Round(Stats.Median(Makespans(shared)), 3),
            median_makespan_per_test_s = Math.Round(Stats.Median(Makespans(perTest)), 3),
            median_test_p50_shared_s = Math.Round(Stats.Median(shared.Select(r => r.P50).ToList()), 3),
            median_test_p50_per_test_s = Math.Round(Stats.Median(perTest.Select(r => r.P50).ToList()), 3),
            all_passed = allPassed,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputJson)!);
        await File.WriteAllTextAsync(options.OutputJson, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"wrote {options.OutputJson}");
        if (!allPassed)
        {
            Console.Error.WriteLine("browser-sharing-bench: some tests did not pass; the figures measure nothing");
            return 1;
        }
        return 0;
    }

    /// <summary>A fresh set of apps (outside the clock), one side's measured run, the apps removed.</summary>
    private static async Task<SideRun> RunSideAsync(string mode, IReadOnlyList<BrowserJob> jobs, int concurrency, int round, string benchId, CancellationToken cancellation)
    {
        var nodeId = $"bench-browser-{benchId}-r{round}-{mode}";
        var sweepId = nodeId + "-sweep";
        var setup = Stopwatch.StartNew();
        await using var apps = await AppInstances.StartAsync(jobs, nodeId, sweepId, cancellation);
        Console.WriteLine($"  ({jobs.Count} app containers for round {round} {mode} up in {setup.Elapsed.TotalSeconds:F1} s)");
        return mode == SharedBrowserSide.Mode
            ? await SharedBrowserSide.RunAsync(jobs, apps, concurrency, round, sweepId, cancellation)
            : await PerTestBrowserSide.RunAsync(jobs, apps, concurrency, round, cancellation);
    }

    private static List<double> Makespans(IEnumerable<SideRun> runs) => runs.Select(r => r.MakespanSeconds).ToList();

    private static void PrintFailures(SideRun run)
    {
        foreach (var failure in run.Failures)
            Console.Error.WriteLine($"  {run.Mode} round {run.Round}: {failure}");
    }
}
