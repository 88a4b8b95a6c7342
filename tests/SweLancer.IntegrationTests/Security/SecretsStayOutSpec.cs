using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Security;

/// <summary>
/// Three secrets a cluster is given (the API token, the journal database's password spelled Pwd=, the remoting TLS
/// password, from a file and from the environment) appear nowhere a user or a scraper reads: not in the Prometheus
/// scrape text of either node, not in report.html, summary.json or results.csv, not in any API answer or the status
/// page, not in any node's output or log, and not in the CLI's errors when the database is wrong or unreachable.
/// </summary>
public sealed class SecretsStayOutSpec
{
    [Fact]
    public async Task Token_database_password_and_tls_password_appear_in_no_output()
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = bounded.Token;
        using var dir = new TempDir();
        await using var role = PostgresRole.Create();
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var tlsPassword = "tlspw-" + Guid.NewGuid().ToString("N");
        using var certificate = TestCertificates.SelfSigned();
        var pfx = TestCertificates.WritePkcs12(certificate, dir.File("cluster.pfx"), tlsPassword);
        var pool = DemoManagerPool.Write(dir.Path);

        int coordinatorPort = FreePort.Next(), graderPort = FreePort.Next(), apiPort = FreePort.Next();
        int coordinatorMetrics = FreePort.Next(), graderMetrics = FreePort.Next();
        var seeds = $"akka.tcp://swelancer@127.0.0.1:{coordinatorPort},akka.tcp://swelancer@127.0.0.1:{graderPort}";
        var graderId = "it-secrets-" + Guid.NewGuid().ToString("N")[..6];
        var texts = new Dictionary<string, string>();
        using var coordinator = NodeProcess.Start("coordinator", ClusterRig.CoordinatorDll,
            new Dictionary<string, string> { ["SWELANCER_API_TOKEN"] = token, ["SWELANCER_DB"] = role.ConnectionString },
            "coordinator", "--seed-nodes", seeds, "--port", Text(coordinatorPort), "--api-urls", $"http://127.0.0.1:{apiPort}",
            "--data-dir", dir.File("data"), "--log", dir.File("coordinator.log"), "--metrics-port", Text(coordinatorMetrics),
            "--remoting-tls-certificate", pfx, "--remoting-tls-password-file", dir.Write("tls-password", tlsPassword + "\n"));
        using var grader = NodeProcess.Start(graderId, ClusterRig.GraderDll,
            new Dictionary<string, string>
            {
                ["SWELANCER_REMOTING_TLS_CERTIFICATE"] = pfx, ["SWELANCER_REMOTING_TLS_PASSWORD"] = tlsPassword,
                ["SWELANCER_METRICS_PORT"] = Text(graderMetrics),
            },
            "--seed-nodes", seeds, "--port", Text(graderPort), "--node-id", graderId, "--container-slots", "1",
            "--artefacts", dir.File("artefacts"), "--log", dir.File("grader.log"));
        await Task.WhenAll(coordinator.WaitForOutputAsync("coordinator is up", TimeSpan.FromSeconds(90)),
            grader.WaitForOutputAsync(" is up at ", TimeSpan.FromSeconds(90)));
        Assert.Contains($"Username={role.Name}", coordinator.Output); // the journal is described, without its password

        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var form = new MultipartFormDataContent
               {
                   { new StringContent("secrets"), "sweep_id" },
                   { new StreamContent(File.OpenRead(pool.TasksPath)), "tasks", "tasks.json" },
                   { new StreamContent(File.OpenRead(pool.SubmissionsPath)), "submissions", "submissions.jsonl" },
               })
        {
            using var submitted = await api.PostAsync("api/sweeps", form, ct);
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(ct));
        }

        SweepStatus? status = null;
        while (status?.State != "finished")
        {
            await Task.Delay(250, ct);
            using var response = await api.GetAsync("api/sweeps/secrets", ct); // 404 until the sweep is registered
            if (response.IsSuccessStatusCode)
                status = SweepStatus.From(await response.Content.ReadFromJsonAsync<JsonElement>(ct));
        }

        Assert.Equal((pool.Tasks, pool.Passed, pool.EarnedUsd), (status.LedgerGraded, status.Passed, status.EarnedUsd));

        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress, Timeout = api.Timeout };
        texts["GET /api/sweeps?access_token="] = await anonymous.GetStringAsync($"api/sweeps?access_token={token}", ct);
        texts["GET /api/sweeps/secrets"] = await api.GetStringAsync("api/sweeps/secrets", ct);
        texts["GET results.csv"] = await api.GetStringAsync("api/sweeps/secrets/results.csv", ct);
        texts["GET /api/nodes"] = await api.GetStringAsync("api/nodes", ct);
        texts["GET / (status page)"] = await anonymous.GetStringAsync($"?access_token={token}", ct);
        texts["coordinator /metrics"] = await anonymous.GetStringAsync($"http://localhost:{coordinatorMetrics}/metrics", ct);
        texts["grader /metrics"] = await anonymous.GetStringAsync($"http://localhost:{graderMetrics}/metrics", ct);
        Assert.Contains("swelancer_", texts["coordinator /metrics"]);
        Assert.Contains("swelancer_", texts["grader /metrics"]);

        var report = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(2), "report", "--sweep-id", "secrets", "--db", role.ConnectionString, "--out", dir.File("report"));
        Assert.True(report.ExitCode == 0, report.All);
        texts["swelancer report (output)"] = report.All;
        foreach (var file in new[] { "report.html", "summary.json", "results.csv" })
            texts[file] = File.ReadAllText(dir.File("report/" + file));
        Assert.Contains("total-earned", texts["report.html"]);

        // The error paths print the journal's description: an unknown sweep, and a server that does not answer.
        var unknown = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(2), "report", "--sweep-id", "no-such-sweep", "--db", role.ConnectionString, "--out", dir.File("none"));
        Assert.True(unknown.ExitCode != 0, unknown.All);
        texts["swelancer report of an unknown sweep"] = unknown.All;
        var closed = role.ConnectionString.Replace("Port=5432", $"Port={FreePort.Next()}", StringComparison.Ordinal);
        var unreachable = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(2), "report", "--sweep-id", "secrets", "--db", closed, "--out", dir.File("none2"));
        Assert.NotEqual(0, unreachable.ExitCode);
        texts["swelancer report on a closed port"] = unreachable.All;

        Assert.Equal(0, await grader.TerminateAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await coordinator.TerminateAsync(TimeSpan.FromMinutes(1)));
        texts["coordinator output"] = coordinator.Output;
        texts["grader output"] = grader.Output;
        texts["coordinator.log"] = File.ReadAllText(dir.File("coordinator.log"));
        texts["grader.log"] = File.ReadAllText(dir.File("grader.log"));

        var secrets = new Dictionary<string, string> { ["API token"] = token, ["database password"] = role.Password, ["TLS password"] = tlsPassword };
        var leaks = from secret in secrets from text in texts where text.Value.Contains(secret.Value, StringComparison.Ordinal) select $"{secret.Key} in {text.Key}";
        Assert.Empty(leaks);
        TestContext.Current.TestOutputHelper?.WriteLine($"looked for 3 secrets in {texts.Count} outputs ({texts.Sum(t => t.Value.Length)} characters): none found");
        foreach (var container in DockerFixture.ContainersOfNode(graderId))
            DockerFixture.Docker("rm", "-f", "-v", container);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
