using System.Diagnostics;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.Messages.Events;

namespace SweLancer.Bench;

/// <summary>
/// The grader node's path, unchanged: one <see cref="BrowserPool"/> (Chromium launched lazily by the first test, inside
/// the clock), and <see cref="BrowserTestRun"/> per job, which takes a fresh confined context per test, records a
/// Playwright trace, runs the steps with <see cref="BrowserStepRunner"/> and closes the context.
/// </summary>
public static class SharedBrowserSide
{
    public const string Mode = "shared";

    public static async Task<SideRun> RunAsync(IReadOnlyList<BrowserJob> jobs, AppInstances apps, int concurrency, int round, string sweepId, CancellationToken cancellation)
    {
        var artefacts = Directory.CreateTempSubdirectory("swelancer-bench-browser-").FullName;
        var keep = false;
        var browsers = new BrowserPool([apps.GradingSubnet]);
        var runner = new BrowserTestRun(browsers, artefacts);
        var durations = new double[jobs.Count];
        var reasons = new string?[jobs.Count];
        using var memory = ProcessTreeMemory.Start();
        try
        {
            var cpu = ProcessTree.CpuSeconds();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellation }, async (job, ct) =>
            {
                var started = clock.Elapsed;
                // The app is already up: BrowserTestRun's own gate release and app check find it so at once.
                var decision = await runner.RunAsync(apps.For(job), job.Task, new AttemptContext(sweepId, 1), 1, ct);
                durations[job.Index] = (clock.Elapsed - started).TotalSeconds;
                if (decision.Outcome != GradeOutcome.Passed)
                    reasons[job.Index] = $"{job.Name}: {decision.Outcome}: {decision.Reason}";
            });
            var makespan = clock.Elapsed.TotalSeconds;
            keep = reasons.Any(r => r is not null);
            if (keep)
                Console.Error.WriteLine($"  shared round {round}: screenshots and traces of the failed tests are in {artefacts}");
            return SideRun.From(Mode, round, makespan, durations, reasons, browsers.Launches, memory.PeakBytes, ProcessTree.CpuSeconds() - cpu);
        }
        finally
        {
            await browsers.DisposeAsync(); // the node keeps its browser: closing it is not part of the work
            if (!keep)
                Directory.Delete(artefacts, recursive: true);
        }
    }
}
