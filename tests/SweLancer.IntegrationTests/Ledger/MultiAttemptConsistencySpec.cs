using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Ledger;

/// <summary>
/// A sweep with three attempts per task, many of them passed twice or three times, on a real coordinator and grader.
/// While it runs, the API's progress and ledger, the coordinator's Prometheus endpoint and the CLI's progress line are
/// read again and again. Each reading covers some number of graded attempts; the sources lag one another, but every
/// one folds the journal's results in order, so a reading of A attempts must equal this spec's own fold of the first A
/// results in journal order (read at the end from the event stream). At the end all of them equal summary.json.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed partial class MultiAttemptConsistencySpec
{
    // Enough that the sweep lasts many reading rounds: the sources are compared mid-sweep, not only at the end.
    private const int Tasks = 2000;
    private const int AttemptsPerTask = 3;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Reading(string Source, int Attempts, int Passed, int Failed, int SystemErrors, decimal EarnedUsd);

    private sealed record PlannedTask(string QuestionId, decimal Price);

    private sealed record Result(string QuestionId, int Attempt, string Outcome);

    [Fact]
    public async Task The_CLI_the_API_and_Prometheus_count_every_task_once_at_every_moment_checked()
    {
        using var dir = new TempDir();
        var metricsPort = FreePort.Next();
        await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 1, slotsPerGrader: 1, token: null, graderEnvironment: null,
            "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture));
        var plan = WritePool(dir.File("tasks.json"), dir.File("submissions.jsonl"));
        var pool = new ClusterPool(dir.File("tasks.json"), dir.File("submissions.jsonl"), Tasks, 0, 0m, plan.Sum(t => t.Price));
        const string sweepId = "multi-attempt";
        await rig.SubmitAsync(pool, sweepId);

        using var metrics = new HttpClient { BaseAddress = new Uri($"http://localhost:{metricsPort}/") };
        var readings = new List<Reading>();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        // The CLI is a process per reading (seconds each): it reads side by side with the faster sources, back to back
        // until the sweep ends, so a quick sweep still gets mid-sweep readings from it.
        using var sweepDone = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cliReadings = Task.Run(async () =>
        {
            var taken = new List<Reading>();
            while (!sweepDone.IsCancellationRequested)
                taken.Add(await FromCliAsync(rig, sweepId));
            return taken;
        }, Ct);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the sweep did not finish in 5 minutes\n{rig.Diagnostics()}");
            var view = await rig.Api.GetFromJsonAsync<JsonElement>($"api/sweeps/{sweepId}", Ct);
            readings.AddRange(FromView(view));
            if (await ConsistentScrapeAsync(metrics, sweepId) is { } scraped)
                readings.Add(scraped);
            if (view.GetProperty("state").GetString() == "finished")
                break;
            await Task.Delay(200, Ct);
        }

        await sweepDone.CancelAsync();
        readings.AddRange(await cliReadings);

        // The journal's order of results, which every source folds.
        var journal = await ReadJournalOrderAsync(rig, sweepId, Tasks * AttemptsPerTask);
        var expected = new Dictionary<int, Reading>();
        foreach (var reading in readings)
        {
            var want = expected.TryGetValue(reading.Attempts, out var known) ? known : expected[reading.Attempts] = Fold(plan, journal.Take(reading.Attempts));
            Assert.True(want with { Source = reading.Source } == reading, $"{reading} differs from the fold of the first {reading.Attempts} results: {want}");
        }

        var midway = readings.Where(r => r.Attempts > 0 && r.Attempts < Tasks * AttemptsPerTask).ToList();
        var final = Fold(plan, journal);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{readings.Count} readings ({midway.Count} mid-sweep): {string.Join(", ", readings.GroupBy(r => r.Source).Select(g => $"{g.Key} {g.Count()}"))}; final {final}");
        Assert.True(final.Passed < journal.Count(r => r.Outcome == "passed"), "the pool must pass some tasks more than once, or this spec proves nothing");
        foreach (var source in new[] { "api progress", "api ledger", "prometheus", "cli" })
            Assert.True(midway.Any(r => r.Source == source), $"no mid-sweep reading from {source}");

        // The end: every source shows summary.json's figures.
        var report = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(2), "report", "--sweep-id", sweepId, "--db", rig.Db.ConnectionString, "--out", dir.File("out"));
        Assert.True(report.ExitCode == 0, report.All);
        var summary = SummaryFile.Read(dir.File("out/summary.json"));
        Assert.Equal((Tasks, final.Passed, final.Failed, final.SystemErrors, final.EarnedUsd, plan.Sum(t => t.Price)),
            (summary.Graded, summary.Passed, summary.Failed, summary.SystemErrors, summary.EarnedUsd, summary.AvailableUsd));
        var last = await rig.Api.GetFromJsonAsync<JsonElement>($"api/sweeps/{sweepId}", Ct);
        Assert.All(FromView(last), r => Assert.Equal(final with { Source = r.Source }, r));
        Assert.Equal(final with { Source = "cli" }, await FromCliAsync(rig, sweepId));
        var scrapedAtEnd = await ConsistentScrapeAsync(metrics, sweepId);
        Assert.Equal(final with { Source = "prometheus" }, scrapedAtEnd);
        // pass@k from the same file, against this spec's own counts: pass@1 is the share of passed attempts (three per
        // task), pass@3 the share of tasks passed, and earnings@3 the dollars earned.
        using var raw = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        var passAtK = raw.RootElement.GetProperty("pass_at_k");
        Assert.Equal(journal.Count(r => r.Outcome == "passed") / (double)journal.Count, passAtK.GetProperty("1").GetDouble(), 6);
        Assert.Equal(final.Passed / (double)Tasks, passAtK.GetProperty("3").GetDouble(), 6);
        Assert.Equal(final.EarnedUsd, raw.RootElement.GetProperty("earnings_at_k").GetProperty("3").GetDecimal());
        var interval = raw.RootElement.GetProperty("earned_usd_ci").EnumerateArray().Select(e => e.GetDecimal()).ToList();
        Assert.True(interval[0] <= final.EarnedUsd && final.EarnedUsd <= interval[1], $"the earned interval {interval[0]}..{interval[1]} holds {final.EarnedUsd}");
        var (_, rows) = ResultsFile.Read(dir.File("out/results.csv"));
        Assert.Equal(summary.EarnedUsd, rows.Sum(r => r.EarnedUsd));
    }

    /// <summary>Manager tasks; each attempt answers right with probability 1/2, so many tasks pass twice or more.</summary>
    private static List<PlannedTask> WritePool(string tasksPath, string submissionsPath)
    {
        var random = new Random(7);
        var prices = new[] { 250m, 500m, 1000m, 4000m };
        var plan = new List<PlannedTask>();
        var tasks = new List<object>();
        var answers = new List<string>();
        for (var i = 0; i < Tasks; i++)
        {
            var task = new PlannedTask($"multi-{i:D4}", prices[random.Next(prices.Length)]);
            plan.Add(task);
            tasks.Add(new Dictionary<string, object>
            {
                ["question_id"] = task.QuestionId,
                ["variant"] = "swe_manager",
                ["price"] = task.Price,
                ["manager"] = new Dictionary<string, object>
                {
                    ["correct_proposal_id"] = "2",
                    ["proposals"] = new[] { new { id = "1" }, new { id = "2" } },
                },
            });
            for (var attempt = 1; attempt <= AttemptsPerTask; attempt++)
                answers.Add(JsonSerializer.Serialize(new { question_id = task.QuestionId, attempt, selected_proposal_id = random.Next(1, 3).ToString(CultureInfo.InvariantCulture) }));
        }

        File.WriteAllText(tasksPath, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["format"] = "swelancer-task-manifest",
            ["version"] = 1,
            ["tasks"] = tasks,
        }));
        File.WriteAllLines(submissionsPath, answers);
        return plan;
    }

    /// <summary>
    /// This spec's own statement of the rule, kept apart from the product's: a task passes, earning its price once, when
    /// any attempt passed; without a pass it is decided once all its attempts are graded.
    /// </summary>
    private static Reading Fold(IReadOnlyList<PlannedTask> plan, IEnumerable<Result> results)
    {
        var byTask = results.GroupBy(r => r.QuestionId).ToDictionary(g => g.Key, g => g.ToList());
        int passed = 0, failed = 0, errors = 0, attempts = 0;
        var earned = 0m;
        foreach (var task in plan)
        {
            var graded = byTask.GetValueOrDefault(task.QuestionId) ?? [];
            attempts += graded.Count;
            if (graded.Any(r => r.Outcome == "passed"))
            {
                passed++;
                earned += task.Price;
            }
            else if (graded.Count == AttemptsPerTask)
            {
                if (graded.Any(r => r.Outcome == "failed")) failed++;
                else errors++;
            }
        }

        return new Reading("fold", attempts, passed, failed, errors, earned);
    }

    private static IEnumerable<Reading> FromView(JsonElement view)
    {
        if (view.GetProperty("progress") is { ValueKind: JsonValueKind.Object } p)
            yield return new Reading("api progress", p.GetProperty("graded").GetInt32(), p.GetProperty("passed").GetInt32(),
                p.GetProperty("failed").GetInt32(), p.GetProperty("system_errors").GetInt32(), p.GetProperty("earned_usd").GetDecimal());
        if (view.GetProperty("ledger") is { ValueKind: JsonValueKind.Object } l)
            yield return new Reading("api ledger", l.GetProperty("attempts_graded").GetInt32(), l.GetProperty("passed").GetInt32(),
                l.GetProperty("failed").GetInt32(), l.GetProperty("system_errors").GetInt32(), l.GetProperty("earned_usd").GetDecimal());
    }

    private static async Task<Reading> FromCliAsync(ClusterRig rig, string sweepId)
    {
        var run = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), "status", "--coordinator", rig.ApiUrl, sweepId);
        Assert.True(run.ExitCode == 0, run.All);
        var line = ProgressLine().Match(run.Output);
        Assert.True(line.Success, $"no progress line in:\n{run.Output}");
        int Int(string group) => int.Parse(line.Groups[group].Value, CultureInfo.InvariantCulture);
        return new Reading("cli", Int("graded"), Int("passed"), Int("failed"), Int("errors"),
            decimal.Parse(line.Groups["earned"].Value.Replace(",", ""), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Scrapes three times and keeps the middle one when the first and the last saw the same number of attempts: then
    /// the ledger did not move while the middle one was collected, so all its metrics describe one moment.
    /// </summary>
    private static async Task<Reading?> ConsistentScrapeAsync(HttpClient metrics, string sweepId)
    {
        var scrapes = new List<Dictionary<string, double>>();
        for (var i = 0; i < 3; i++)
            scrapes.Add(Parse(await metrics.GetStringAsync("metrics", Ct), sweepId));
        double Sum(Dictionary<string, double> s, string prefix) => s.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.Value);
        if (Sum(scrapes[0], "swelancer_tasks_graded_total") != Sum(scrapes[2], "swelancer_tasks_graded_total"))
            return null;
        var middle = scrapes[1];
        return new Reading("prometheus", (int)Sum(middle, "swelancer_tasks_graded_total"),
            (int)Sum(middle, "swelancer_ledger_tasks|passed"), (int)Sum(middle, "swelancer_ledger_tasks|failed"),
            (int)Sum(middle, "swelancer_ledger_tasks|system_error"), (decimal)Sum(middle, "swelancer_ledger_earned_USD_total"));
    }

    /// <summary>The sweep's samples of the exposition text, keyed "metric|outcome|variant".</summary>
    private static Dictionary<string, double> Parse(string exposition, string sweepId)
    {
        var samples = new Dictionary<string, double>();
        foreach (Match m in Sample().Matches(exposition))
        {
            var labels = m.Groups["labels"].Value;
            if (!labels.Contains($"swelancer_sweep_id=\"{sweepId}\"", StringComparison.Ordinal))
                continue;
            var outcome = Label().Match(labels) is { Success: true } o ? o.Groups[1].Value : "";
            samples[$"{m.Groups["name"].Value}|{outcome}|{labels}"] = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }

        return samples;
    }

    private static async Task<List<Result>> ReadJournalOrderAsync(ClusterRig rig, string sweepId, int expected)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        using var response = await rig.Api.GetAsync($"api/sweeps/{sweepId}/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var results = new List<(long Offset, Result Result)>();
        long offset = 0;
        while (results.Count < expected && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
                offset = long.Parse(line["id: ".Length..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var e = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                results.Add((offset, new Result(e.GetProperty("question_id").GetString()!, e.GetProperty("attempt").GetInt32(),
                    e.GetProperty("outcome").GetString()!)));
            }
        }

        Assert.Equal(expected, results.Count);
        return results.OrderBy(r => r.Offset).Select(r => r.Result).ToList();
    }

    [GeneratedRegex(@"^progress: (?<graded>\d+)/\d+ graded \(attempts\); tasks: (?<passed>\d+) passed, (?<failed>\d+) failed, (?<errors>\d+) system errors of \d+; \$(?<earned>[\d,.]+) of", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"^(?<name>swelancer_[a-zA-Z_]+)\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex("swelancer_grade_outcome=\"([a-z_]+)\"")]
    private static partial Regex Label();
}
