using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Api;

/// <summary>
/// Every endpoint of the coordinator's HTTP API against a real coordinator and grader process on PostgreSQL, with a
/// bearer token: refusals, bad uploads (clear 4xx, nothing half-created), submit, list, progress and ledger, results
/// CSV, the live event stream, cancel; and the CLI's submit and status.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "PostgreSQL")]
[Trait("Needs", "Chromium")]
public sealed class CoordinatorApiSpec
{
    private const string Token = "it-secret-token";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Demo = Path.Combine(SharedDataset.RepoRoot, "samples", "demo");

    [Fact]
    public async Task Every_endpoint_works_and_every_bad_request_is_refused_clearly()
    {
        using var dir = new TempDir();
        await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 1, slotsPerGrader: 1, token: Token);
        using var anonymous = new HttpClient { BaseAddress = rig.Api.BaseAddress };

        // Auth: no token and a wrong token are refused; health stays open for probes.
        await AssertError(await anonymous.GetAsync("api/sweeps", Ct), HttpStatusCode.Unauthorized, "bearer token");
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "api/sweeps") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "nope") } })
            await AssertError(await anonymous.SendAsync(wrong, Ct), HttpStatusCode.Unauthorized, "bearer token");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/sweeps?access_token={Token}", Ct)).StatusCode);

        // Bad submissions: each a 400 that says what was wrong, and none leaves a sweep or an upload behind.
        await AssertError(await Upload(rig, "bad", tasks: Demo + "/tasks.json", submissions: null), HttpStatusCode.BadRequest, "no file field 'submissions'");
        await AssertError(await Upload(rig, "bad", tasks: Demo + "/submissions.jsonl", submissions: Demo + "/submissions.jsonl"), HttpStatusCode.BadRequest, "must be a .csv");
        var broken = dir.File("broken.jsonl");
        File.WriteAllText(broken, "{\"question_id\": \"demo-1\", \"attempt\": 1, \"selected_proposal_id\": 2}\n{not json\n");
        await AssertError(await Upload(rig, "bad", tasks: Demo + "/tasks.json", submissions: broken), HttpStatusCode.BadRequest, "submissions.jsonl:2");
        var empty = dir.Write("empty-pool.json", "{ \"format\": \"swelancer-task-manifest\", \"version\": 1, \"tasks\": [] }");
        await AssertError(await Upload(rig, "bad", tasks: empty, submissions: Demo + "/submissions.jsonl"), HttpStatusCode.BadRequest, "empty-pool.json: holds no tasks");
        await AssertError(await Upload(rig, "bad id!", tasks: Demo + "/tasks.json", submissions: Demo + "/submissions.jsonl"), HttpStatusCode.BadRequest, "sweep_id 'bad id!' is not valid");
        await AssertError(await rig.Api.PostAsJsonAsync("api/sweeps", new { sweep_id = "bad", tasks_path = "tasks.json", submissions_path = "s.jsonl" }, Ct), HttpStatusCode.BadRequest, "absolute paths");
        await AssertError(await rig.Api.PostAsJsonAsync("api/sweeps", new { sweep_id = "bad", tasks_path = "/nowhere/tasks.json", submissions_path = Demo + "/submissions.jsonl" }, Ct), HttpStatusCode.BadRequest, "file not found");
        await AssertError(await rig.Api.PostAsync("api/sweeps", new StringContent("hello", Encoding.UTF8, "text/plain"), Ct), HttpStatusCode.BadRequest, "multipart/form-data");
        await AssertError(await rig.Api.PostAsync("api/sweeps", new StringContent("{oops", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest, "not valid JSON");
        Assert.Empty((await rig.Api.GetFromJsonAsync<JsonElement>("api/sweeps", Ct)).GetProperty("sweeps").EnumerateArray());
        Assert.Empty(UploadFolders(rig));

        // Submit by upload; it is listed, graded, and its ledger, CSV and event stream agree.
        var created = await AssertCreated(await Upload(rig, "api-demo", tasks: Demo + "/tasks.json", submissions: Demo + "/submissions.jsonl"));
        Assert.Equal(5, created.GetProperty("tasks").GetInt32());
        var end = await rig.WaitFinishedAsync("api-demo", TimeSpan.FromMinutes(2));
        Assert.Equal((5, 2, 2500m, 5250m), (end.LedgerGraded, end.Passed, end.EarnedUsd, end.AvailableUsd));
        var listed = (await rig.Api.GetFromJsonAsync<JsonElement>("api/sweeps", Ct)).GetProperty("sweeps").EnumerateArray().Single();
        Assert.Equal(("api-demo", "finished"), (listed.GetProperty("sweep_id").GetString(), listed.GetProperty("state").GetString()));

        var csv = await rig.Api.GetStringAsync("api/sweeps/api-demo/results.csv", Ct);
        File.WriteAllText(dir.File("results.csv"), csv);
        var (header, rows) = ResultsFile.Read(dir.File("results.csv"));
        Assert.Equal("question_id,variant,attempt,outcome,earned_usd,price_usd,reason,runs,container_seconds,browser_seconds", header);
        Assert.Equal(5, rows.Count);
        Assert.Equal(2500m, rows.Sum(r => r.EarnedUsd));

        var events = await ReadEventsAsync(rig, "api-demo", expected: 5);
        Assert.Equal(5, events.Count);
        Assert.Equal(2500m, events.Sum(e => e.GetProperty("earned_usd").GetDecimal()));
        Assert.Equal(rows.Select(r => r.QuestionId).Order(), events.Select(e => e.GetProperty("question_id").GetString()!).Order());

        // A duplicate id is a conflict, and its upload is removed.
        await AssertError(await Upload(rig, "api-demo", tasks: Demo + "/tasks.json", submissions: Demo + "/submissions.jsonl"), HttpStatusCode.Conflict, "exists already");
        Assert.Single(UploadFolders(rig));

        // Cancel: a running sweep stops and says so; a second cancel conflicts; an unknown sweep is 404 everywhere.
        SamplePool.EnsureImage();
        // The sample manifest refers to patch files beside it, so it is submitted by path (a shared volume), not uploaded.
        await AssertCreated(await rig.Api.PostAsJsonAsync("api/sweeps",
            new { sweep_id = "api-cancel", tasks_path = SamplePool.TasksJson, submissions_path = Path.Combine(SamplePool.Folder, "submissions", "gold.jsonl") }, Ct));
        var cancelled = await rig.Api.PostAsync("api/sweeps/api-cancel/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
        await AssertError(await rig.Api.PostAsync("api/sweeps/api-cancel/cancel", null, Ct), HttpStatusCode.Conflict, "cancelled already");
        var stopped = (await rig.TryStatusAsync("api-cancel"))!;
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        Assert.True((await rig.TryStatusAsync("api-cancel"))!.LedgerGraded <= stopped.LedgerGraded + stopped.InFlight + 2, "a cancelled sweep dispatches nothing new");
        Assert.True(stopped.LedgerGraded < 35, "cancelled before it finished");
        foreach (var path in new[] { "api/sweeps/nope", "api/sweeps/nope/results.csv", "api/sweeps/nope/events" })
            await AssertError(await rig.Api.GetAsync(path, Ct), HttpStatusCode.NotFound, "no sweep named 'nope'");
        await AssertError(await rig.Api.PostAsync("api/sweeps/nope/cancel", null, Ct), HttpStatusCode.NotFound, "no sweep named 'nope'");

        // The CLI: submit and status, with the token from the environment; without it, a clear refusal.
        var env = new Dictionary<string, string> { ["SWELANCER_API_TOKEN"] = Token };
        var submit = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), env, "submit", "--coordinator", rig.ApiUrl,
            "--tasks", Demo + "/tasks.json", "--submissions", Demo + "/submissions.jsonl", "--sweep-id", "cli-demo");
        Assert.True(submit.ExitCode == 0, submit.All);
        Assert.Contains("submitted sweep cli-demo: 5 tasks", submit.Output);
        var status = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(2), env, "status", "--coordinator", rig.ApiUrl, "cli-demo", "--watch");
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains("sweep cli-demo: finished", status.Output);
        Assert.Contains("$2,500 of $5,250", status.Output);
        var list = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), env, "status", "--coordinator", rig.ApiUrl);
        Assert.Contains("cli-demo", list.Output);
        Assert.Contains("api-cancel", list.Output);
        var refused = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), "status", "--coordinator", rig.ApiUrl);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("bearer token", refused.All);
        Assert.DoesNotContain(Token, refused.All + submit.All + status.All + rig.Coordinator!.Output + File.ReadAllText(Path.Combine(rig.Folder, "coordinator.log")));
        // Nor in any grader's log or output, nor in the reports (a token sent as ?access_token= must not be logged anywhere).
        foreach (var grader in rig.Graders.Values)
            Assert.DoesNotContain(Token, grader.Output);
        foreach (var log in Directory.GetFiles(rig.Folder, "*.log"))
            Assert.DoesNotContain(Token, File.ReadAllText(log));
        Assert.DoesNotContain(Token, csv);

        // Remoting binds to the configured interface only (loopback here): from another local address nobody answers.
        var other = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a)); // docker0 at least
        foreach (var port in rig.RemotingPorts)
        {
            using var loopback = new System.Net.Sockets.TcpClient();
            await loopback.ConnectAsync(System.Net.IPAddress.Loopback, port, Ct); // listening
            using var outside = new System.Net.Sockets.TcpClient();
            await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(async () => await outside.ConnectAsync(other, port, Ct));
        }
    }

    [Fact]
    public async Task The_processes_refuse_bad_settings_with_clear_errors()
    {
        var open = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), "coordinator", "--db", "Host=127.0.0.1;Database=x", "--api-urls", "http://0.0.0.0:5999");
        Assert.Equal(2, open.ExitCode);
        Assert.Contains("reachable from other machines, so a bearer token is required", open.All);

        var noDb = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), "coordinator");
        Assert.Equal(2, noDb.ExitCode);
        Assert.Contains("--db (or SWELANCER_DB) is required", noDb.All);

        var badSeed = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), "coordinator", "--db", "Host=h", "--seed-nodes", "127.0.0.1:4053");
        Assert.Equal(2, badSeed.ExitCode);
        Assert.Contains("'127.0.0.1:4053' is not an address like akka.tcp://swelancer@HOST:PORT", badSeed.All);

        var badPort = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["SWELANCER_PORT"] = "forty" }, "coordinator", "--db", "Host=h");
        Assert.Equal(2, badPort.ExitCode);
        Assert.Contains("SWELANCER_PORT='forty' is not a whole number", badPort.All);

        var badRoles = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["SWELANCER_ROLES"] = "grader" }, "coordinator", "--db", "Host=h");
        Assert.Equal(2, badRoles.ExitCode);
        Assert.Contains("always has the 'coordinator' role; a node that only grades is swelancer-grader", badRoles.All);

        using var grader = NodeProcess.Start("grader", ClusterRig.GraderDll, null, "--container-slots", "2");
        await grader.WaitForOutputAsync("needs --seed-nodes", TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("   at ", grader.Output);

        var nobody = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), "status", "--coordinator", $"http://127.0.0.1:{FreePort.Next()}");
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("cannot reach the coordinator", nobody.All);
        Assert.DoesNotContain("   at ", nobody.All);
    }

    private static async Task<HttpResponseMessage> Upload(ClusterRig rig, string sweepId, string tasks, string? submissions)
    {
        using var form = new MultipartFormDataContent { { new StringContent(sweepId), "sweep_id" } };
        form.Add(new StreamContent(File.OpenRead(tasks)), "tasks", Path.GetFileName(tasks));
        if (submissions is not null)
            form.Add(new StreamContent(File.OpenRead(submissions)), "submissions", "submissions.jsonl");
        return await rig.Api.PostAsync("api/sweeps", form);
    }

    private static async Task<JsonElement> AssertCreated(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201 Created, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string text)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Contains(text, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }

    private static string[] UploadFolders(ClusterRig rig)
    {
        var uploads = Path.Combine(rig.Folder, "coordinator-data", "uploads");
        return Directory.Exists(uploads) ? Directory.GetDirectories(uploads) : [];
    }

    private static async Task<List<JsonElement>> ReadEventsAsync(ClusterRig rig, string sweepId, int expected)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await rig.Api.GetAsync($"api/sweeps/{sweepId}/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var events = new List<JsonElement>();
        while (events.Count < expected && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
        }

        return events;
    }
}
