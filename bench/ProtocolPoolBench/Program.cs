using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Protocol;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

// Makespan of N gold attempts through the protocol runner with the same grading slots, twice per round in alternating
// order: pre-warmed (SetupAhead = slots: containers set up while others grade) and naive (SetupAhead = 0: each slot
// starts, waits until ready, grades, removes). Ideal: one setup, then the tests back to back on every slot.
var tasks = Arg("--tasks", 12);
var slots = Arg("--slots", 2);
var setupSeconds = Arg("--setup-seconds", 10);
var testSeconds = Arg("--test-seconds", 6);
var rounds = Arg("--rounds", 1);
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/protocol-pool.json";

const string baseImage = "swelancer-conformance/expensify:1";
var image = $"swelancer-conformance/expensify:bench-{setupSeconds}s-{testSeconds}s";
Docker("create", "--name", "protocol-bench-base", baseImage);
try
{
    Docker("commit", "--change", $"ENV CONFORMANCE_SETUP_DELAY={setupSeconds}", "--change", $"ENV CONFORMANCE_TEST_SECONDS={testSeconds}",
        "--change", """CMD ["/app/tests/run.sh"]""", "protocol-bench-base", image);
}
finally
{
    Docker("rm", "protocol-bench-base");
}

var gold = File.ReadAllLines("conformance/image/app/tests/templates/issue.py.in");
var pool = await ContainerPool.StartAsync(DockerEndpoint.FromEnvironment(), ContainerPoolOptions.For("protocol-bench", 1));
var results = new List<object>();
try
{
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var ahead in round % 2 == 1 ? new[] { slots, 0 } : [0, slots])
        {
            var (seconds, passed) = await MakespanAsync(ahead);
            var mode = ahead > 0 ? "prewarmed" : "naive";
            Console.WriteLine($"round {round}: {mode,-9} {tasks} tasks, {slots} slots, setup {setupSeconds} s, test {testSeconds} s: makespan {seconds:0.0} s ({passed}/{tasks} passed)");
            results.Add(new { round, mode, ahead, makespan_seconds = Math.Round(seconds, 2), passed });
        }
    }
}
finally
{
    await pool.DisposeAsync();
    Docker("rmi", image);
}

double Mean(string mode) => results.Select(r => JsonSerializer.SerializeToElement(r)).Where(r => r.GetProperty("mode").GetString() == mode).Average(r => r.GetProperty("makespan_seconds").GetDouble());
var ideal = setupSeconds + Math.Ceiling(tasks / (double)slots) * testSeconds;
var naive = Mean("naive");
var prewarmed = Mean("prewarmed");
Console.WriteLine($"naive / prewarmed makespan: {naive / prewarmed:0.00}x; prewarmed / ideal ({ideal:0} s): {prewarmed / ideal:0.00}x; naive / ideal: {naive / ideal:0.00}x");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
{
    machine = new { cores = Environment.ProcessorCount, date = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) },
    tasks,
    slots,
    setup_seconds = setupSeconds,
    test_seconds = testSeconds,
    ideal_seconds = ideal,
    runs = results,
    naive_over_prewarmed = Math.Round(naive / prewarmed, 3),
    prewarmed_over_ideal = Math.Round(prewarmed / ideal, 3),
    naive_over_ideal = Math.Round(naive / ideal, 3),
}, new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"written to {output}");
return;

async Task<(double Seconds, int Passed)> MakespanAsync(int ahead)
{
    var settings = new ProtocolSettings(ImageMode.Monolith, image, TimeSpan.FromSeconds(setupSeconds * 10 + 60), TimeSpan.FromSeconds(testSeconds * 10 + 60),
        1, SetupNetwork: false, MissingExitCodeIsSystemError: false, TimeSpan.FromMilliseconds(250), new ContainerLimits(512L * 1024 * 1024, 1_000_000_000, 256), slots, ahead);
    var runner = new ProtocolRunner(pool, settings, Path.Combine(Path.GetTempPath(), "protocol-bench-artefacts"));
    var started = Stopwatch.GetTimestamp();
    var decisions = await Task.WhenAll(Enumerable.Range(1, tasks).Select(i =>
    {
        var id = $"bench_{ahead}_{i}";
        var task = new TaskDefinition(id, TaskVariants.IcSwe, 100m, null, null, new IcTaskSpec([], null, Runner: IcRunnerKinds.SweLancer));
        return runner.GradeAsync(task, new Submission(id, 1, null, GoldPatch(id), null), new AttemptContext("protocol-bench", 1), CancellationToken.None);
    }));
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    foreach (var failed in decisions.Where(d => d.Outcome != GradeOutcome.Passed))
        Console.WriteLine($"  not passed: {failed.Outcome}: {failed.Reason}");
    return (seconds, decisions.Count(d => d.Outcome == GradeOutcome.Passed));
}

string GoldPatch(string id)
{
    var lines = gold.Select(l => l.Replace("@ISSUE_ID@", id)).ToList();
    var path = $"src/issue_{id}.py";
    var body = lines.SelectMany(l => l == "VALUE = \"fixed\"" ? new[] { "-VALUE = \"broken\"", "+VALUE = \"fixed\"" } : new[] { " " + l });
    return $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -1,{lines.Count} +1,{lines.Count} @@\n" + string.Join("\n", body) + "\n";
}

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Docker(params string[] arguments)
{
    var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
        info.ArgumentList.Add(argument);
    using var process = Process.Start(info)!;
    var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed: {text.Trim()}");
}
