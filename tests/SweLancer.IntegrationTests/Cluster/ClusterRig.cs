using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SweLancer.IntegrationTests.Infrastructure;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>
/// A real cluster on 127.0.0.1: a fresh PostgreSQL database, one coordinator process and grader processes, each on its
/// own ports. Every node lists the coordinator and the graders as seeds, so any of them restarted rejoins the running
/// cluster. Disposing kills every process and removes every container and the database.
/// </summary>
public sealed class ClusterRig : IAsyncDisposable
{
    public const string CoordinatorDll = "swelancer.dll";
    public const string GraderDll = "swelancer-grader.dll";

    private readonly Dictionary<string, int> _graderPorts;
    private readonly Dictionary<string, NodeProcess> _graders = [];
    private readonly List<NodeProcess> _started = [];
    private readonly int _coordinatorPort = FreePort.Next();
    private readonly int _slots;
    private readonly string? _token;

    private readonly string[] _coordinatorArgs;
    private IReadOnlyDictionary<string, string>? _graderEnvironment;

    private ClusterRig(string folder, PostgresDatabase db, IEnumerable<string> graderIds, int slots, string? token, string[] coordinatorArgs)
    {
        _coordinatorArgs = coordinatorArgs;
        Folder = folder;
        Db = db;
        _slots = slots;
        _token = token;
        _graderPorts = graderIds.ToDictionary(id => id, _ => FreePort.Next());
        ApiPort = FreePort.Next();
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
            Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string Folder { get; }

    public PostgresDatabase Db { get; }

    public int ApiPort { get; }

    public string ApiUrl => $"http://127.0.0.1:{ApiPort}";

    public HttpClient Api { get; }

    public NodeProcess? Coordinator { get; private set; }

    public IReadOnlyDictionary<string, NodeProcess> Graders => _graders;

    public IEnumerable<string> GraderIds => _graderPorts.Keys;

    /// <summary>The remoting ports of every node (coordinator first).</summary>
    public IEnumerable<int> RemotingPorts => _graderPorts.Values.Prepend(_coordinatorPort);

    private string Seeds => string.Join(',', new[] { _coordinatorPort }.Concat(_graderPorts.Values).Select(p => $"akka.tcp://swelancer@127.0.0.1:{p}"));

    /// <summary>Starts the coordinator (with any extra flags), then the graders, and waits until all are up.</summary>
    public static async Task<ClusterRig> StartAsync(string folder, int graders = 2, int slotsPerGrader = 2, string? token = null,
        IReadOnlyDictionary<string, string>? graderEnvironment = null, params string[] coordinatorArgs)
    {
        var rig = new ClusterRig(folder, await PostgresDatabase.CreateAsync(), Enumerable.Range(1, graders).Select(i => $"it-grader-{i}-{Guid.NewGuid().ToString("N")[..6]}"), slotsPerGrader, token, coordinatorArgs)
        {
            _graderEnvironment = graderEnvironment,
        };
        try
        {
            var coordinator = rig.StartCoordinatorAsync();
            await Task.WhenAll(rig.GraderIds.Select(rig.StartGraderAsync).Append(coordinator));
            // Up is not enough: a sweep submitted before a grader's region is registered places every shard elsewhere.
            await Task.WhenAll(rig._graderPorts.Values.Select(p => rig.WaitForGradingRegionAsync(p, TimeSpan.FromSeconds(60))));
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public async Task StartCoordinatorAsync()
    {
        var env = _token is null ? null : new Dictionary<string, string> { ["SWELANCER_API_TOKEN"] = _token };
        Coordinator = Track(NodeProcess.Start("coordinator", CoordinatorDll, env,
            [
                "coordinator", "--db", Db.ConnectionString, "--seed-nodes", Seeds, "--port", Port(_coordinatorPort),
                "--api-urls", ApiUrl, "--data-dir", Path.Combine(Folder, "coordinator-data"), "--log", Path.Combine(Folder, "coordinator.log"),
                "--down-after-seconds", "5", .. _coordinatorArgs,
            ]));
        await Coordinator.WaitForOutputAsync("coordinator is up", TimeSpan.FromSeconds(90));
    }

    public async Task StartGraderAsync(string id)
    {
        var grader = Track(NodeProcess.Start(id, GraderDll, _graderEnvironment,
            "--seed-nodes", Seeds, "--port", Port(_graderPorts[id]), "--node-id", id, "--container-slots", Port(_slots),
            "--artefacts", Path.Combine(Folder, "artefacts", id), "--log", Path.Combine(Folder, id + ".log"), "--down-after-seconds", "5"));
        _graders[id] = grader;
        await grader.WaitForOutputAsync(" is up at ", TimeSpan.FromSeconds(90));
    }

    /// <summary>The member listening on <paramref name="remotingPort"/> as GET /api/nodes shows it, or null when it is not a member.</summary>
    /// <exception cref="HttpRequestException">The API did not answer.</exception>
    public async Task<JsonElement?> NodeAsync(int remotingPort)
    {
        using var doc = JsonDocument.Parse(await Api.GetStringAsync("api/nodes"));
        foreach (var node in doc.RootElement.GetProperty("nodes").EnumerateArray())
        {
            if (node.GetProperty("address").GetString()!.EndsWith($":{remotingPort}", StringComparison.Ordinal))
                return node.Clone();
        }

        return null;
    }

    /// <summary>Waits until GET /api/nodes shows shards placed on the grader at <paramref name="remotingPort"/>, that is,
    /// until the sharding coordinator has registered its region and will give it work.</summary>
    public async Task WaitForGradingRegionAsync(int remotingPort, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await NodeAsync(remotingPort);
                if (last?.GetProperty("grading_shards").ValueKind == JsonValueKind.Number)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // the API is not up yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the grader on port {remotingPort} had no registered grading region within {timeout}; last seen as: {last}\n{Diagnostics()}");
    }

    public async Task<JsonElement> SubmitAsync(ClusterPool pool, string sweepId, int answerTimeoutSeconds = 120)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(sweepId), "sweep_id" },
            { new StringContent(answerTimeoutSeconds.ToString(CultureInfo.InvariantCulture)), "answer_timeout_seconds" },
            { new StreamContent(File.OpenRead(pool.TasksPath)), "tasks", "tasks" + Path.GetExtension(pool.TasksPath) },
            { new StreamContent(File.OpenRead(pool.SubmissionsPath)), "submissions", "submissions.jsonl" },
        };
        using var response = await Api.PostAsync("api/sweeps", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"submitting {sweepId} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The sweep's view, or null while the coordinator does not answer (restarting).</summary>
    public async Task<SweepStatus?> TryStatusAsync(string sweepId)
    {
        try
        {
            using var response = await Api.GetAsync($"api/sweeps/{sweepId}");
            return response.IsSuccessStatusCode ? SweepStatus.From(await response.Content.ReadFromJsonAsync<JsonElement>()) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls until <paramref name="done"/> holds for the sweep's status.</summary>
    public async Task<SweepStatus> WaitForAsync(string sweepId, Func<SweepStatus, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        SweepStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await TryStatusAsync(sweepId) ?? last;
            if (last is not null && done(last))
                return last;
            await Task.Delay(250);
        }

        throw new TimeoutException($"sweep {sweepId}: {what} did not happen within {timeout}; last status: {last}\n{Diagnostics()}");
    }

    public Task<SweepStatus> WaitFinishedAsync(string sweepId, TimeSpan timeout) =>
        WaitForAsync(sweepId, s => s.State == "finished", timeout, "finishing");

    /// <summary>
    /// The results.csv rows of the sweep's IC attempts that did not pass, with their reasons: what a spec whose totals
    /// differ prints, so a browser step that timed out under load reads differently from a wrong grade.
    /// </summary>
    public async Task<string> UnpassedIcRowsAsync(string sweepId)
    {
        try
        {
            using var csv = new StringReader(await Api.GetStringAsync($"api/sweeps/{sweepId}/results.csv"));
            var (_, rows) = ResultsFile.Parse(csv);
            var unpassed = rows.Where(r => r.Variant == "ic_swe" && r.Outcome != "passed")
                .Select(r => $"{r.QuestionId}#{r.Attempt} {r.Outcome}: {(r.Reason.Length > 240 ? r.Reason[..240] : r.Reason)}");
            return "IC attempts that did not pass:\n" + string.Join('\n', unpassed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return $"(results.csv of {sweepId} not readable: {ex.Message})";
        }
    }

    /// <summary>How many (question, attempt) keys of a sweep the graders finished grading more than once, from their logs.</summary>
    public int GradedMoreThanOnce(string sweepId)
    {
        // The grading entity's audit line: "Graded <sweep> <question>#<attempt> <outcome> in <ms> ms (delivery <n>)".
        var marker = $"Graded {sweepId} ";
        return GraderIds.SelectMany(id => ReadLines(Path.Combine(Folder, id + ".log")))
            .Select(line => line.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0 ? line[(at + marker.Length)..].Split(' ')[0] : null)
            .OfType<string>()
            .GroupBy(key => key)
            .Count(g => g.Count() > 1);
    }

    /// <summary>Each process's last output and the last warnings of each node's Akka log: what a failed spec prints.</summary>
    public string Diagnostics()
    {
        var output = _started.Select(p => $"--- {p.Name} (exited: {p.HasExited}) ---\n{Tail(p.Output, 20)}");
        var warnings = GraderIds.Prepend("coordinator").Select(id =>
            $"--- {id}.log, last warnings ---\n" + string.Join('\n', ReadLines(Path.Combine(Folder, id + ".log"))
                .Where(line => line.StartsWith("[WARNING]", StringComparison.Ordinal) || line.StartsWith("[ERROR]", StringComparison.Ordinal))
                .TakeLast(15)));
        var unfinished = GraderIds.Select(id => $"--- {id}: started but not finished here: {string.Join(", ", UnfinishedGradings(id))}");
        return string.Join("\n", output.Concat(warnings).Concat(unfinished));
    }

    /// <summary>Attempts with more "Grading" lines than "Graded" lines in a grader's log: stuck, or cut off by a kill.</summary>
    private IEnumerable<string> UnfinishedGradings(string graderId)
    {
        var balance = new Dictionary<string, int>();
        foreach (var line in ReadLines(Path.Combine(Folder, graderId + ".log")))
        {
            foreach (var (marker, step) in new[] { ("] Grading ", 1), ("] Graded ", -1) })
            {
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at < 0)
                    continue;
                var words = line[(at + marker.Length)..].Split(' ');
                var key = words[0] + " " + words[1];
                balance[key] = balance.GetValueOrDefault(key) + step;
            }
        }

        return balance.Where(p => p.Value > 0).Select(p => p.Key);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _started)
            process.Dispose();
        foreach (var id in GraderIds)
        {
            foreach (var container in DockerFixture.ContainersOfNode(id))
                DockerFixture.Docker("rm", "-f", "-v", container);
        }

        Api.Dispose();
        await Db.DisposeAsync();
    }

    private NodeProcess Track(NodeProcess process)
    {
        _started.Add(process);
        return process;
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        if (!File.Exists(path))
            return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
