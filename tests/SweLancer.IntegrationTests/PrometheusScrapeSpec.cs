using System.Globalization;
using SweLancer.Domain.Sweeps;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>
/// A real Prometheus scrapes a real `swelancer sweep` (the demo pool) through its metrics endpoint; at the end, what
/// Prometheus stored for the sweep equals the ledger's summary. The sweep starts once Prometheus scrapes its port and lingers 15 s after it ends (many 1 s scrapes, even on a loaded
/// machine) so the final values are scraped; the queries take each series' last value, since a target that went away is marked stale.
/// </summary>
[Trait("Needs", "Prometheus")]
public sealed class PrometheusScrapeSpec
{
    private static readonly string DemoFolder = Path.Combine(SharedDataset.RepoRoot, "samples", "demo");

    [Fact]
    public async Task Prometheus_holds_the_ledgers_graded_tasks_and_dollars_at_the_end_of_a_sweep()
    {
        using var dir = new TempDir();
        var metricsPort = FreePort.Next();
        using var prometheus = await PrometheusServer.StartAsync(dir.Path, metricsPort);
        // Scraping already runs every second when the sweep starts, so its 15 s linger holds many scrapes.
        await prometheus.WaitForFirstScrapeAsync(TimeSpan.FromSeconds(60));
        var sweepId = "prom-" + Guid.NewGuid().ToString("N")[..8];

        var run = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(3), "sweep",
            "--tasks", Path.Combine(DemoFolder, "tasks.json"), "--submissions", Path.Combine(DemoFolder, "submissions.jsonl"),
            "--sweep-id", sweepId, "--out", dir.File("out"), "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture),
            "--metrics-linger-seconds", "15");
        Assert.True(run.ExitCode == 0, run.All);
        var summary = SummaryFile.Read(dir.File("out/summary.json"));

        string Last(string metric, string extra = "") =>
            $"sum(last_over_time({metric}{{job=\"{PrometheusServer.Job}\",swelancer_sweep_id=\"{sweepId}\"{extra}}}[10m]))";
        async Task<double?> Query(string promql)
        {
            var value = await prometheus.QueryAsync(promql);
            TestContext.Current.TestOutputHelper?.WriteLine($"{promql} = {value?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
            return value;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"summary.json: graded {summary.Graded}, passed {summary.Passed}, failed {summary.Failed}, system_errors {summary.SystemErrors}, earned {summary.EarnedUsd}, available {summary.AvailableUsd}");
        var up = await Query($"max(last_over_time(up{{job=\"{PrometheusServer.Job}\"}}[10m]))");
        Assert.True(up == 1, $"Prometheus never scraped the sweep successfully; its targets: {await prometheus.TargetsAsync()}");
        // The demo pool has one attempt per task, so attempts in the ledger are tasks in the summary.
        Assert.Equal(summary.Graded, await Query(Last("swelancer_tasks_graded_total")));
        Assert.Equal(summary.Passed, await Query(Last("swelancer_tasks_graded_total", ",swelancer_grade_outcome=\"passed\"")));
        Assert.Equal(summary.Failed, await Query(Last("swelancer_tasks_graded_total", ",swelancer_grade_outcome=\"failed\"")) ?? 0);
        Assert.Equal(summary.SystemErrors, await Query(Last("swelancer_tasks_graded_total", ",swelancer_grade_outcome=\"system_error\"")) ?? 0);
        Assert.True(summary.EarnedUsd > 0, "the demo submissions earn something, so the comparison below is not of zeros");
        Assert.Equal((double)summary.EarnedUsd, await Query(Last("swelancer_ledger_earned_USD_total")));
        Assert.Equal((double)summary.ByVariant["swe_manager"].EarnedUsd,
            await Query(Last("swelancer_ledger_earned_USD_total", ",swelancer_task_variant=\"swe_manager\"")));
        Assert.Equal((double)summary.AvailableUsd, await Query(Last("swelancer_sweep_available_USD")));
        Assert.Equal(0, await Query(Last("swelancer_sweep_in_flight")));
        Assert.Equal(0, await Query(Last("swelancer_ledger_lag")));
        // The histogram counts deliveries: a passed or failed attempt is delivered once here, while a retryable system
        // error (no Docker engine, say) is delivered again after each backoff.
        Assert.Equal(summary.Passed, await Query(Last("swelancer_grading_duration_seconds_count", ",swelancer_grade_outcome=\"passed\"")));
        Assert.Equal(summary.Failed, await Query(Last("swelancer_grading_duration_seconds_count", ",swelancer_grade_outcome=\"failed\"")) ?? 0);
        Assert.InRange(await Query(Last("swelancer_grading_duration_seconds_count", ",swelancer_grade_outcome=\"system_error\"")) ?? 0,
            summary.SystemErrors, summary.SystemErrors * (1 + DispatchPolicy.Default.MaxSystemErrorRetries));
    }
}
