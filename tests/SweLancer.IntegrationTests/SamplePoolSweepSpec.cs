using SweLancer.Domain.Import;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>
/// `swelancer sweep` over the freelance-app sample pool, end to end: real Docker containers, real Chromium, the shipped
/// submission files. Each sweep must leave no container behind.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class SamplePoolSweepSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static async Task<(SummaryFile Summary, IReadOnlyList<ResultRow> Rows)> SweepAsync(TempDir dir, string submissions, string sweepId)
    {
        SamplePool.EnsureImage();
        var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", SamplePool.TasksJson, "--submissions", submissions,
            "--sweep-id", sweepId, "--out", dir.File(sweepId), "--summary-json", dir.File(sweepId + ".json"));
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", "label=swelancer.sweep=" + sweepId));
        return (SummaryFile.Read(dir.File(sweepId + ".json")), ResultsFile.Read(dir.File($"{sweepId}/results.csv")).Rows);
    }

    private static string Submissions(string name) => Path.Combine(SamplePool.Folder, "submissions", name);

    [Fact]
    public async Task The_gold_file_earns_the_pools_full_value()
    {
        using var dir = new TempDir();
        var tasks = TaskPoolReader.Read(SamplePool.TasksJson);

        var (summary, rows) = await SweepAsync(dir, Submissions("gold.jsonl"), "sample-gold");

        Assert.Equal(tasks.Sum(t => t.PriceUsd), summary.EarnedUsd);
        Assert.Equal(80_250m, summary.AvailableUsd);
        Assert.Equal((35, 35, 0, 0), (summary.Tasks, summary.Passed, summary.Failed, summary.SystemErrors));
        Assert.All(rows, r => Assert.Equal("passed", r.Outcome));
    }

    [Fact]
    public async Task The_empty_file_earns_nothing()
    {
        using var dir = new TempDir();

        var (summary, rows) = await SweepAsync(dir, Submissions("empty.jsonl"), "sample-empty");

        Assert.Equal((0m, 0, 35), (summary.EarnedUsd, summary.Passed, summary.Failed));
        Assert.All(rows, r => Assert.Equal(("failed", "no submission"), (r.Outcome, r.Reason)));
    }

    [Fact]
    public async Task The_mixed_file_earns_what_its_readme_states()
    {
        using var dir = new TempDir();

        var (summary, rows) = await SweepAsync(dir, Submissions("mixed.jsonl"), "sample-mixed");

        // samples/freelance-app/README.md: $42,250, 18 of 35 tasks (13 IC worth $17,250, 5 manager worth $25,000).
        Assert.Equal(42_250m, summary.EarnedUsd);
        Assert.Equal((18, 17, 0), (summary.Passed, summary.Failed, summary.SystemErrors));
        Assert.Equal((27, 13, 17_250m), summary.ByVariant["ic_swe"]);
        Assert.Equal((8, 5, 25_000m), summary.ByVariant["swe_manager"]);
        var byId = rows.ToDictionary(r => r.QuestionId);
        Assert.All(new[] { "fa-108", "fa-111", "fa-116" }, id => Assert.StartsWith("patch does not apply", byId[id].Reason));
        Assert.StartsWith("patch rejected", byId["fa-302"].Reason);
        Assert.Contains("failed at step", byId["fa-102"].Reason);
    }

    [Fact]
    public async Task Every_hidden_test_fails_on_the_unfixed_app()
    {
        using var dir = new TempDir();
        var icTasks = TaskPoolReader.Read(SamplePool.TasksJson).Where(t => t.Variant == TaskVariants.IcSwe).ToList();
        // A harmless patch inside the app: it applies, so the hidden tests run against the app as the bug left it.
        var noOp = "--- /dev/null\n+++ b/srv/app/NOTES.md\n@@ -0,0 +1 @@\n+Looked into it; no change yet.\n";
        GeneratedSubmissions.Write(dir.File("no-fix.jsonl"), icTasks.Select(t => new GeneratedSubmissions.Line(t.QuestionId, 1, null, noOp)));

        var (summary, rows) = await SweepAsync(dir, dir.File("no-fix.jsonl"), "sample-no-fix");

        var icRows = rows.Where(r => r.Variant == TaskVariants.IcSwe).ToList();
        Assert.Equal(27, icRows.Count);
        Assert.All(icRows, r => Assert.True(r.Outcome == "failed" && !r.Reason.StartsWith("patch"),
            $"{r.QuestionId}: expected its hidden tests to fail on the unfixed app, got {r.Outcome}: {r.Reason}"));
        Assert.Equal(0m, summary.EarnedUsd);
    }
}
