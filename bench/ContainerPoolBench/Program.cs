using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SweLancer.Domain.Import;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.Bench;

/// <summary>
/// The same K command-runner tasks (gold patches) graded two ways with concurrency N: through the project's container
/// pool and IC runner, and with plain <c>xargs -P N docker run --rm</c>. See bench/README.md.
/// </summary>
public static class Program
{
    private const string BaselineOwner = "swelancer-bench";
    private const string RunLabel = "swelancer.bench.run";

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"container-pool-bench: {ex.Message}");
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var tasks = TaskManifestReader.Read(options.TasksJson)
            .Where(t => t.Ic is { Runner: IcRunnerKinds.Command, GoldPatch: not null, Image: not null })
            .OrderBy(t => t.QuestionId, StringComparer.Ordinal)
            .ToList();
        if (tasks.Count == 0)
        {
            Console.Error.WriteLine($"container-pool-bench: {options.TasksJson} has no command-runner task with a gold patch");
            return 2;
        }
        var images = tasks.Select(t => t.Ic!.Image!).Distinct().ToList();
        foreach (var image in images)
        {
            if (Docker("image", "inspect", "-f", "{{.Id}}", image).ExitCode != 0)
            {
                Console.Error.WriteLine($"container-pool-bench: image {image} is missing (samples/freelance-app/build-image.sh)");
                return 2;
            }
        }
        var jobs = Enumerable.Range(0, options.K).Select(i => tasks[i % tasks.Count]).ToList();
        var benchId = $"{Environment.ProcessId}-{DateTime.UtcNow:HHmmss}";
        Console.WriteLine($"container-pool bench: K={options.K} tasks ({string.Join(", ", tasks.Select(t => t.QuestionId))} round-robin, gold patches), " +
                          $"N={options.N}, pool slots={options.PoolSlots}, rounds={options.Rounds}, {Environment.ProcessorCount} cores, bench id {benchId}");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        var runs = new List<RunResult>();
        var nodeIds = new List<string>();
        var exit = 0;
        try
        {
            if (options.Warmup)
            {
                // Not measured: JIT of the pool path, the engine's first container of the image, a first xargs.
                var warmJobs = tasks.ToList();
                var warmNode = $"bench-{benchId}-warmup";
                nodeIds.Add(warmNode);
                var wp = await RunPoolAsync(warmJobs, Math.Min(options.N, warmJobs.Count), options.PoolSlots, warmNode, 0, stop.Token);
                var wb = await RunBaselineAsync(warmJobs, Math.Min(options.N, warmJobs.Count), benchId, 0, stop.Token);
                Console.WriteLine($"warm-up (not counted): pool {wp.MakespanSeconds:F2} s, baseline {wb.MakespanSeconds:F2} s, " +
                                  $"{wp.Passed + wb.Passed}/{2 * warmJobs.Count} passed");
                if (wp.Passed != warmJobs.Count || wb.Passed != warmJobs.Count)
                {
                    PrintFailures(wp);
                    PrintFailures(wb);
                    Console.Error.WriteLine("container-pool-bench: tasks failed in the warm-up; nothing to measure");
                    return 1;
                }
            }

            for (var round = 1; round <= options.Rounds; round++)
            {
                // Alternate who goes first (pool, baseline, baseline, pool, ...) so a trend in the machine's load
                // does not always favour the same side.
                var poolFirst = round % 2 == 1;
                foreach (var mode in poolFirst ? new[] { "pool", "baseline" } : new[] { "baseline", "pool" })
                {
                    RunResult result;
                    if (mode == "pool")
                    {
                        var nodeId = $"bench-{benchId}-r{round}";
                        nodeIds.Add(nodeId);
                        result = await RunPoolAsync(jobs, options.N, options.PoolSlots, nodeId, round, stop.Token);
                    }
                    else
                    {
                        result = await RunBaselineAsync(jobs, options.N, benchId, round, stop.Token);
                    }
                    runs.Add(result);
                    Console.WriteLine(result.Line());
                    if (result.Spans.Count > 0)
                        Console.WriteLine($"  spans (median per span; container.start includes pre-warming off the attempt's path): {string.Join(", ", result.Spans)}");
                    if (result.Passed != result.Tasks)
                        PrintFailures(result);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("container-pool-bench: interrupted");
            exit = 130;
        }
        finally
        {
            // Anything of ours still there (an interrupted run) goes now.
            RemoveContainers($"label={RunLabel}={benchId}");
            foreach (var node in nodeIds)
                RemoveContainers($"label={ContainerLabels.Node}={node}");
        }

        var leftBaseline = ListContainers($"label={ContainerLabels.Owner}={BaselineOwner}", $"label={RunLabel}={benchId}");
        var leftPool = nodeIds.Sum(node => ListContainers($"label={ContainerLabels.Owner}={ContainerLabels.OwnerValue}", $"label={ContainerLabels.Node}={node}"));
        Console.WriteLine($"containers left: {leftBaseline} baseline (label {ContainerLabels.Owner}={BaselineOwner}, {RunLabel}={benchId}), " +
                          $"{leftPool} pool (label {ContainerLabels.Node}=bench-{benchId}-*)");
        if (exit != 0)
            return exit;

        var ratios = Enumerable.Range(1, options.Rounds)
            .Select(r => runs.Single(x => x.Round == r && x.Mode == "baseline").MakespanSeconds / runs.Single(x => x.Round == r && x.Mode == "pool").MakespanSeconds)
            .ToList();
        var medianRatio = Median(ratios);
        var allPassed = runs.All(r => r.Passed == r.Tasks);
        var poolMakespans = runs.Where(r => r.Mode == "pool").Select(r => r.MakespanSeconds).ToList();
        var baseMakespans = runs.Where(r => r.Mode == "baseline").Select(r => r.MakespanSeconds).ToList();
        Console.WriteLine($"ratio baseline/pool per round: {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; " +
                          $"median {medianRatio:F2} (>1: the pool is faster)");
        Console.WriteLine($"median makespan: pool {Median(poolMakespans):F2} s ({options.K / Median(poolMakespans):F2} tasks/s), " +
                          $"baseline {Median(baseMakespans):F2} s ({options.K / Median(baseMakespans):F2} tasks/s)");

        var report = new
        {
            bench = "container-pool",
            bench_id = benchId,
            started_utc = DateTime.UtcNow.ToString("o"),
            machine_cores = Environment.ProcessorCount,
            k = options.K,
            n = options.N,
            pool_slots = options.PoolSlots,
            rounds = options.Rounds,
            tasks = tasks.Select(t => t.QuestionId).ToList(),
            image = images,
            limits = new { memory_bytes = ContainerLimits.Default.MemoryBytes, nano_cpus = ContainerLimits.Default.NanoCpus, pids = ContainerLimits.Default.Pids },
            runs = runs.Select(r => new
            {
                round = r.Round,
                mode = r.Mode,
                makespan_s = Math.Round(r.MakespanSeconds, 3),
                tasks_per_s = Math.Round(r.Tasks / r.MakespanSeconds, 3),
                task_p50_s = Math.Round(r.P50, 3),
                task_p95_s = Math.Round(r.P95, 3),
                tasks = r.Tasks,
                passed = r.Passed,
                failures = r.Failures,
                machine_cpu_s = r.CpuSeconds is { } cpu ? Math.Round(cpu, 2) : (double?)null,
                grader_process_cpu_s = r.GraderCpuSeconds is { } own ? Math.Round(own, 2) : (double?)null,
                spans = r.Spans.Select(x => new { name = x.Name, count = x.Count, median_ms = Math.Round(x.MedianMs, 1), total_ms = Math.Round(x.TotalMs, 1) }),
            }),
            ratio_baseline_over_pool = ratios.Select(r => Math.Round(r, 3)),
            median_ratio = Math.Round(medianRatio, 3),
            median_makespan_pool_s = Math.Round(Median(poolMakespans), 3),
            median_makespan_baseline_s = Math.Round(Median(baseMakespans), 3),
            all_passed = allPassed,
            containers_left = leftBaseline + leftPool,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputJson)!);
        await File.WriteAllTextAsync(options.OutputJson, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"wrote {options.OutputJson}");

        if (!allPassed)
        {
            Console.Error.WriteLine("container-pool-bench: some tasks did not pass; the figures measure nothing");
            return 1;
        }
        if (leftBaseline + leftPool > 0)
        {
            Console.Error.WriteLine("container-pool-bench: containers were left behind");
            return 1;
        }
        return 0;
    }

    /// <summary>The project's own path: a pool of <paramref name="slots"/> containers and the IC runner, N attempts at a time.</summary>
    private static async Task<RunResult> RunPoolAsync(IReadOnlyList<TaskDefinition> jobs, int n, int slots, string nodeId, int round, CancellationToken cancellation)
    {
        var artefacts = Directory.CreateTempSubdirectory("swelancer-bench-artefacts-").FullName;
        var pool = await ContainerPool.StartAsync(DockerEndpoint.FromEnvironment(), ContainerPoolOptions.For(nodeId, slots), cancellation);
        var browsers = new BrowserPool([pool.GradingSubnet]); // never launched: command-runner tasks use no browser
        var durations = new double[jobs.Count];
        var reasons = new string?[jobs.Count];
        var runner = new IcTaskRunner(pool, browsers, artefacts);
        var sweepId = $"{nodeId}-sweep";
        double makespan;
        double? cpu;
        double own;
        using var spans = SpanTimes.Listen();
        try
        {
            var cpuBefore = MachineCpu.BusySeconds();
            var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), new ParallelOptions { MaxDegreeOfParallelism = n, CancellationToken = cancellation }, async (i, ct) =>
            {
                var task = jobs[i];
                var started = clock.Elapsed;
                var decision = await runner.GradeAsync(task, new Submission(task.QuestionId, 1, null, task.Ic!.GoldPatch, "gold"), new AttemptContext(sweepId, 1), ct);
                durations[i] = (clock.Elapsed - started).TotalSeconds;
                if (decision.Outcome != GradeOutcome.Passed)
                    reasons[i] = $"{task.QuestionId}: {decision.Outcome}: {decision.Reason}";
            });
            makespan = clock.Elapsed.TotalSeconds;
            cpu = MachineCpu.Between(cpuBefore, MachineCpu.BusySeconds());
            own = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalSeconds;
        }
        finally
        {
            await browsers.DisposeAsync();
            await pool.DisposeAsync(); // waits for pre-warming still under way, then removes what is alive
            Directory.Delete(artefacts, recursive: true);
        }
        return RunResult.From("pool", round, makespan, durations, reasons) with { Spans = spans.Figures(), CpuSeconds = cpu, GraderCpuSeconds = own };
    }

    /// <summary>
    /// The baseline: one `docker run --rm` per task under `xargs -P n`, same image and limits, network none. Each task's
    /// prepared folder (bug.diff, gold.diff, tests/, run.sh) is mounted read-only at /bench; run.sh applies both patches
    /// with busybox patch from /, copies the hidden tests to /hidden-tests, starts the image's command (httpd) and runs
    /// the task's test_command in its cwd.
    /// </summary>
    private static async Task<RunResult> RunBaselineAsync(IReadOnlyList<TaskDefinition> jobs, int n, string benchId, int round, CancellationToken cancellation)
    {
        var work = Directory.CreateTempSubdirectory("swelancer-bench-baseline-").FullName;
        try
        {
            // Docker runs as root in the container; the mounted folder must be readable by it (it is: root).
            foreach (var task in jobs.DistinctBy(t => t.QuestionId))
                PrepareTaskFolder(task, Path.Combine(work, "tasks", task.QuestionId));
            var results = Path.Combine(work, "results");
            Directory.CreateDirectory(results);
            var image = jobs[0].Ic!.Image!;
            var limits = ContainerLimits.Default;
            var one = Path.Combine(work, "one.sh");
            await File.WriteAllTextAsync(one, $$"""
                #!/bin/sh
                # one.sh INDEX TASK: one task = one `docker run --rm`; records "task exit start end" in results/INDEX.
                i=$1; t=$2
                start=$(date +%s.%N)
                docker run --rm --label {{ContainerLabels.Owner}}={{BaselineOwner}} --label {{RunLabel}}={{benchId}} \
                  --memory {{limits.MemoryBytes}}b --memory-swap {{limits.MemoryBytes}}b --cpus {{(limits.NanoCpus / 1e9).ToString(CultureInfo.InvariantCulture)}} --pids-limit {{limits.Pids}} \
                  --network none -v "{{work}}/tasks/$t:/bench:ro" {{image}} /bin/sh /bench/run.sh >"{{results}}/$i.log" 2>&1
                rc=$?
                end=$(date +%s.%N)
                echo "$t $rc $start $end" >"{{results}}/$i.result"
                exit $rc

                """.Replace("\r\n", "\n"), cancellation);

            var info = new ProcessStartInfo("xargs") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-P", n.ToString(CultureInfo.InvariantCulture), "-L", "1", "/bin/sh", one })
                info.ArgumentList.Add(arg);
            var input = new StringBuilder();
            for (var i = 0; i < jobs.Count; i++)
                input.Append(CultureInfo.InvariantCulture, $"{i} {jobs[i].QuestionId}\n");

            var cpuBefore = MachineCpu.BusySeconds();
            var clock = Stopwatch.StartNew();
            using (var process = Process.Start(info)!)
            {
                var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
                var stderr = process.StandardError.ReadToEndAsync(cancellation);
                await process.StandardInput.WriteAsync(input.ToString());
                process.StandardInput.Close();
                try
                {
                    await process.WaitForExitAsync(cancellation);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }
                await stdout;
                await stderr;
            }
            var makespan = clock.Elapsed.TotalSeconds;
            var cpu = MachineCpu.Between(cpuBefore, MachineCpu.BusySeconds());

            var durations = new double[jobs.Count];
            var reasons = new string?[jobs.Count];
            for (var i = 0; i < jobs.Count; i++)
            {
                var resultFile = Path.Combine(results, $"{i}.result");
                if (!File.Exists(resultFile))
                {
                    reasons[i] = $"{jobs[i].QuestionId}: never ran";
                    continue;
                }
                var parts = File.ReadAllText(resultFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                durations[i] = double.Parse(parts[3], CultureInfo.InvariantCulture) - double.Parse(parts[2], CultureInfo.InvariantCulture);
                if (parts[1] != "0")
                {
                    var log = File.ReadAllText(Path.Combine(results, $"{i}.log")).Trim();
                    reasons[i] = $"{jobs[i].QuestionId}: exit {parts[1]}: {(log.Length > 400 ? "…" + log[^400..] : log)}";
                }
            }
            return RunResult.From("baseline", round, makespan, durations, reasons) with { CpuSeconds = cpu };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void PrepareTaskFolder(TaskDefinition task, string folder)
    {
        var spec = task.Ic!;
        Directory.CreateDirectory(Path.Combine(folder, "tests"));
        File.WriteAllText(Path.Combine(folder, "bug.diff"), spec.BugPatch ?? "");
        File.WriteAllText(Path.Combine(folder, "gold.diff"), spec.GoldPatch!);
        foreach (var file in spec.HiddenTests ?? [])
        {
            var path = Path.Combine(folder, "tests", file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            if (file.Executable && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        var quote = (string s) => "'" + s.Replace("'", "'\\''") + "'";
        var appCommand = ImageCommand(spec.Image!);
        File.WriteAllText(Path.Combine(folder, "run.sh"), $"""
            # In the container: the same steps as the IC runner (bug patch, gold patch, hidden tests, app, test_command).
            set -e
            cd /
            {(string.IsNullOrWhiteSpace(spec.BugPatch) ? "" : "patch -p1 -i /bench/bug.diff")}
            patch -p1 -i /bench/gold.diff
            cp -R /bench/tests/. {IcTaskSpec.HiddenTestsMount}/
            {string.Join(' ', appCommand.Select(quote))} &
            cd {quote(spec.Cwd ?? "/")}
            set +e
            timeout {spec.TimeoutSeconds} {string.Join(' ', spec.TestCommand!.Select(quote))}

            """.Replace("\r\n", "\n"));
    }

    /// <summary>The image's own command (entrypoint + cmd), which the pool's gate starts after the patches.</summary>
    private static string[] ImageCommand(string image)
    {
        var (code, output) = Docker("image", "inspect", "-f", "{{json .Config.Entrypoint}} {{json .Config.Cmd}}", image);
        if (code != 0)
            throw new InvalidOperationException($"docker image inspect {image}: {output}");
        var halves = output.Trim().Split(' ', 2);
        return halves.SelectMany(h => JsonSerializer.Deserialize<string[]?>(h) ?? []).ToArray();
    }

    private static void PrintFailures(RunResult result)
    {
        foreach (var failure in result.Failures)
            Console.Error.WriteLine($"  {result.Mode} round {result.Round}: {failure}");
    }

    private static (int ExitCode, string Output) Docker(params string[] args)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static int ListContainers(params string[] filters)
    {
        var args = new List<string> { "ps", "-a", "-q" };
        foreach (var filter in filters)
            args.AddRange(["--filter", filter]);
        var (code, output) = Docker([.. args]);
        if (code != 0)
            throw new InvalidOperationException($"docker ps failed: {output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static void RemoveContainers(string filter)
    {
        var (code, output) = Docker("ps", "-a", "-q", "--filter", filter);
        var ids = code == 0 ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
        if (ids.Length > 0)
            Docker(["rm", "-f", "-v", .. ids]);
    }

    internal static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    /// <summary>Linear interpolation between closest ranks.</summary>
    internal static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

internal sealed record RunResult(string Mode, int Round, double MakespanSeconds, int Tasks, int Passed, double P50, double P95, IReadOnlyList<string> Failures)
{
    /// <summary>The grader's spans during a pool run (none for the baseline, which has no grader).</summary>
    public IReadOnlyList<SpanFigure> Spans { get; init; } = [];

    /// <summary>The machine's busy CPU seconds during the round (<see cref="MachineCpu"/>), all processes.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>The grader's own share of it (this process: the pool, the runner, GNU patch's parent side), for a pool run.</summary>
    public double? GraderCpuSeconds { get; init; }

    public static RunResult From(string mode, int round, double makespan, double[] durations, string?[] reasons)
    {
        var failures = reasons.Where(r => r is not null).Select(r => r!).ToList();
        return new RunResult(mode, round, makespan, durations.Length, durations.Length - failures.Count,
            Program.Percentile(durations, 0.5), Program.Percentile(durations, 0.95), failures);
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"round {Round} {Mode,-8}: makespan {MakespanSeconds,6:F2} s, {Tasks / MakespanSeconds,5:F2} tasks/s, per task p50 {P50:F2} s p95 {P95:F2} s, passed {Passed}/{Tasks}{CpuText()}");

    private string GraderCpuText() => GraderCpuSeconds is { } own
        ? string.Create(CultureInfo.InvariantCulture, $"; the grader's process {own / Tasks:F2} s per task")
        : "";

    private string CpuText() => CpuSeconds is { } cpu
        ? string.Create(CultureInfo.InvariantCulture, $", machine CPU {cpu:F1} s ({cpu / Tasks:F2} s per task, {100 * cpu / (MakespanSeconds * Environment.ProcessorCount):F0} % of {Environment.ProcessorCount} cores{GraderCpuText()})")
        : "";
}

internal sealed record BenchOptions(int K, int N, int PoolSlots, int Rounds, bool Warmup, string TasksJson, string OutputJson)
{
    public const string Usage =
        "usage: container-pool-bench [--k K=24] [--n N=4] [--pool-slots S=N] [--rounds R=2] [--no-warmup] [--tasks tasks.json] [--out results.json]";

    public static BenchOptions Parse(string[] args)
    {
        var root = RepoRoot();
        int k = 24, n = 4, rounds = 2;
        int? slots = null;
        var warmup = true;
        var tasks = Path.Combine(root, "samples", "freelance-app", "tasks.json");
        var output = Path.Combine(root, "bench", "results", "container-pool.json");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Positive()
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"{name} must be a positive integer, not '{text}'");
            }
            switch (args[i])
            {
                case "--k": k = Positive(); break;
                case "--n": n = Positive(); break;
                case "--pool-slots": slots = Positive(); break;
                case "--rounds": rounds = Positive(); break;
                case "--no-warmup": warmup = false; break;
                case "--tasks": tasks = Path.GetFullPath(Value()); break;
                case "--out": output = Path.GetFullPath(Value()); break;
                case "-h" or "--help": throw new ArgumentException("help");
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new BenchOptions(k, n, slots ?? n, rounds, warmup, tasks, output);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SweLancer.sln")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
