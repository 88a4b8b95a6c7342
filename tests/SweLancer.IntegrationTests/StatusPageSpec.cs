using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>
/// The live status page of a coordinator process with one grader process on PostgreSQL, opened in headless Chromium
/// before the freelance-app sample sweep (real containers) is submitted: it must follow the sweep without a reload,
/// show the grader's containers in use, and end on the ledger's numbers. Screenshots go to the test output's
/// screenshots/ folder, to be looked at.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "PostgreSQL")]
[Trait("Needs", "Chromium")]
public sealed class StatusPageSpec
{
    private const string Token = "status-page-token";
    private const string SweepId = "status-page-mixed";
    private const string GraderId = "g-status";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_page_follows_a_sweep_live_and_ends_on_the_ledgers_numbers()
    {
        SamplePool.EnsureImage();
        await using var db = await PostgresDatabase.CreateAsync();
        using var dir = new TempDir();
        int akkaCoordinator = FreePort.Next(), akkaGrader = FreePort.Next(), http = FreePort.Next();
        var seed = $"akka.tcp://swelancer@127.0.0.1:{akkaCoordinator}";
        var baseUrl = $"http://127.0.0.1:{http}";

        using var coordinator = NodeProcess.Start("coordinator", "swelancer.dll", null, "coordinator", "--db", db.ConnectionString,
            "--seed-nodes", seed, "--port", akkaCoordinator.ToString(), "--api-urls", baseUrl, "--api-token", Token,
            "--data-dir", dir.File("data"), "--log", dir.File("coordinator.log"));
        using var grader = NodeProcess.Start("grader", "swelancer-grader.dll", null, "--seed-nodes", seed, "--port", akkaGrader.ToString(),
            "--node-id", GraderId, "--container-slots", "2", "--log", dir.File("grader.log"));
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            await WaitForAsync("the grader to report its pool on /api/nodes", TimeSpan.FromSeconds(90), async () =>
            {
                var nodes = await TryGetAsync(client, "/api/nodes", Token);
                return nodes is { } n && n.GetProperty("nodes").EnumerateArray().Any(node =>
                    node.GetProperty("grader") is { ValueKind: JsonValueKind.Object } g && g.GetProperty("node_id").GetString() == GraderId);
            }, coordinator, grader);

            // The page itself is behind the token too; with it in the URL the page passes it on to every request.
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
            await using var browser = await LiveStatusPage.OpenAsync(baseUrl, $"{baseUrl}/?access_token={Token}");
            var page = browser.Page;
            await page.EvaluateAsync("() => { window.__openedOnce = true; }");
            await page.Locator($"#nodes tr[data-node-id='{GraderId}']").WaitForAsync(new() { Timeout = 15_000 });
            await browser.ScreenshotAsync(Path.Combine(Screenshots, "status-page-idle.png"));

            await SubmitAsync(client);

            // Watch the page (never reloading it) until it shows the sweep finished.
            var seenGraded = new SortedSet<int>();
            var maxLeased = 0;
            var midShot = false;
            var midSweepForecasts = new List<(decimal Estimate, decimal Low, decimal High)>();
            var watch = Stopwatch.StartNew();
            ShownSweep shown;
            while (true)
            {
                shown = await browser.ReadAsync();
                if (shown.SweepId == SweepId)
                    seenGraded.Add(shown.Graded);
                maxLeased = Math.Max(maxLeased, await browser.NodeContainersAsync(GraderId, "leased") ?? 0);
                if (!midShot && shown.SweepId == SweepId && shown.Graded >= 10 && shown.State == "running")
                {
                    await browser.ScreenshotAsync(Path.Combine(Screenshots, "status-page-running.png"));
                    midShot = true;
                }
                if (shown is { SweepId: SweepId, State: "running" } && shown.Graded > 0 && shown.Graded < shown.Tasks
                    && await browser.RangeAsync("#forecast") is { } forecast)
                    midSweepForecasts.Add(forecast);
                if (shown is { SweepId: SweepId, State: "finished" })
                    break;
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(6), $"the page did not show the sweep finished; it shows {shown}\n{coordinator.Output}\n{grader.Output}");
                Assert.False(coordinator.HasExited || grader.HasExited, $"a process exited\n{coordinator.Output}\n{grader.Output}");
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }

            var view = (await TryGetAsync(client, $"/api/sweeps/{SweepId}", Token))!.Value;
            var ledger = view.GetProperty("ledger");
            var attempts = view.GetProperty("progress").GetProperty("graded").GetInt32();
            // The live counter is fed by the event stream alone; give its last events a moment after the totals' refresh.
            await WaitForAsync("the page's live counter to reach every graded attempt", TimeSpan.FromSeconds(20),
                async () => (await browser.ReadAsync()).EventsReceived == attempts, coordinator, grader);
            await Task.Delay(2_500, TestContext.Current.CancellationToken); // one more periodic refresh, so the nodes panel shows the pool at rest
            shown = await browser.ReadAsync();
            await browser.ScreenshotAsync(Path.Combine(Screenshots, "status-page-finished.png"));

            // What the page shows is the ledger.
            Assert.Equal(ledger.GetProperty("earned_usd").GetDecimal(), shown.EarnedUsd);
            Assert.Equal(ledger.GetProperty("available_usd").GetDecimal(), shown.AvailableUsd);
            Assert.Equal(
                (ledger.GetProperty("tasks").GetInt32(), ledger.GetProperty("graded").GetInt32(), ledger.GetProperty("passed").GetInt32(),
                    ledger.GetProperty("failed").GetInt32(), ledger.GetProperty("system_errors").GetInt32()),
                (shown.Tasks, shown.Graded, shown.Passed, shown.Failed, shown.SystemErrors));
            Assert.Equal(attempts, shown.AttemptsGraded);
            // samples/freelance-app/README.md: the mixed file earns $42,250 of $80,250, 18 of 35 tasks.
            Assert.Equal((42_250m, 80_250m, 35, 18), (shown.EarnedUsd, shown.AvailableUsd, shown.Tasks, shown.Passed));

            // The live estimate was on screen mid-sweep, inside its interval, and at the end it is the ledger; the
            // bootstrap intervals shown are the API's.
            Assert.NotEmpty(midSweepForecasts);
            Assert.All(midSweepForecasts, f => Assert.True(f.Low <= f.Estimate && f.Estimate <= f.High && f.High <= shown.AvailableUsd, $"{f}"));
            Assert.Equal((shown.EarnedUsd, shown.EarnedUsd, shown.EarnedUsd), await browser.RangeAsync("#forecast"));
            var estimates = (await TryGetAsync(client, $"/api/sweeps/{SweepId}/estimates", Token))!.Value.GetProperty("attempts");
            var earnedCi = estimates.GetProperty("earned_usd_interval");
            var (low, high) = (earnedCi.GetProperty("low").GetDecimal(), earnedCi.GetProperty("high").GetDecimal());
            Assert.Equal((low, low, high), await browser.RangeAsync("#earned-ci", valueAttribute: "data-low"));
            Assert.True(low < shown.EarnedUsd && shown.EarnedUsd < high, earnedCi.ToString());

            // The sweeps table row says the same.
            var row = page.Locator($"#sweeps tr[data-sweep-id='{SweepId}']");
            Assert.Equal("finished", await row.GetAttributeAsync("data-state"));
            Assert.Equal(shown.EarnedUsd, decimal.Parse((await row.Locator("td[data-field=earned_usd]").GetAttributeAsync("data-usd"))!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("$42,250", (await row.Locator("td[data-field=earned_usd]").InnerTextAsync()).Trim());
            Assert.Equal("35 / 35", (await row.Locator("td[data-field=progress] span").Last.InnerTextAsync()).Trim());

            // It got there live: the event stream delivered every attempt, the earnings chart folded from it reaches the
            // ledger's total, intermediate counts were on screen, and the page never reloaded.
            Assert.Equal(shown.EarnedUsd, shown.ChartEarnedUsd);
            Assert.Contains(seenGraded, g => g > 0 && g < shown.Tasks);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__openedOnce === true"), "the page was reloaded");

            // The nodes panel: the coordinator and the grader, whose containers were in use while it graded.
            Assert.True(maxLeased > 0, "the nodes panel never showed a leased container");
            Assert.Equal(2, await browser.NodeContainersAsync(GraderId, "slots"));
            Assert.Equal(1, await page.Locator("#nodes tr[data-status=up] td[data-field=roles]", new() { HasTextString = "coordinator" }).CountAsync());
            Assert.Empty(browser.ForeignRequests);
        }
        finally
        {
            // Graceful, so the grader removes its containers; disposing kills whatever is still running.
            foreach (var process in new[] { grader, coordinator })
            {
                try
                {
                    await process.TerminateAsync(TimeSpan.FromSeconds(30));
                }
                catch (TimeoutException)
                {
                    // Killed by TerminateAsync; the container check below still tells.
                }
            }
        }

        Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", "label=swelancer.node=" + GraderId).Trim());
    }

    private static async Task SubmitAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sweeps")
        {
            // Paths, not an upload: the IC tasks' patches and hidden tests live in folders next to tasks.json.
            Content = JsonContent.Create(new Dictionary<string, string>
            {
                ["tasks_path"] = SamplePool.TasksJson,
                ["submissions_path"] = Path.Combine(SamplePool.Folder, "submissions", "mixed.jsonl"),
                ["sweep_id"] = SweepId,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement?> TryGetAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    private static async Task WaitForAsync(string what, TimeSpan timeout, Func<Task<bool>> done, params NodeProcess[] processes)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            if (watch.Elapsed > timeout || processes.Any(p => p.HasExited))
                Assert.Fail($"timed out waiting for {what}\n" + string.Join("\n", processes.Select(p => $"--- {p.Name}:\n{p.Output}")));
            await Task.Delay(250);
        }
    }
}
