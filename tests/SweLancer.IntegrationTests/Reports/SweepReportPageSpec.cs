using SweLancer.Domain.Summaries;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Reports;

/// <summary>
/// report.html of a real sweep (the freelance-app pool's mixed answers: real containers, real Chromium, failures with
/// screenshots and traces), opened from disk in headless Chromium: what it shows must equal the ledger, it must fetch
/// nothing, and `swelancer report` must regenerate the same numbers from the journal alone.
/// Screenshots are kept under the test output's screenshots/ folder, to be looked at.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class SweepReportPageSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_report_of_a_sweep_shows_the_ledgers_numbers_links_its_artefacts_and_is_regenerated_from_the_journal()
    {
        using var dir = new TempDir();
        var output = dir.File("report-mixed");
        SamplePool.EnsureImage();
        var sweep = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", SamplePool.TasksJson,
            "--submissions", Path.Combine(SamplePool.Folder, "submissions", "mixed.jsonl"), "--sweep-id", "report-mixed", "--out", output);
        Assert.True(sweep.ExitCode == 0, sweep.All);
        var summary = SummaryFile.Read(Path.Combine(output, "summary.json"));
        var rows = ResultsFile.Read(Path.Combine(output, "results.csv")).Rows;
        var summaryText = File.ReadAllText(Path.Combine(output, "summary.json"));
        var resultsText = File.ReadAllText(Path.Combine(output, "results.csv"));

        await using var browser = await ReportPage.LaunchAsync();
        var (shown, page) = await browser.OpenAsync(Path.Combine(output, "report.html"), Path.Combine(Screenshots, "report-mixed.png"));

        AssertShowsLedger(summary, rows, shown);
        Assert.Empty(browser.NetworkRequests);
        // The browser tests that failed left screenshots and traces under OUT/artefacts; the page links them relatively.
        Assert.NotEmpty(shown.ArtefactHrefs);
        Assert.All(shown.ArtefactHrefs, href =>
        {
            Assert.DoesNotContain(":", href);
            Assert.True(File.Exists(Path.Combine(output, Uri.UnescapeDataString(href))), $"{href} does not resolve under {output}");
        });
        Assert.True(await page.EvaluateAsync<bool>("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"), "a screenshot thumbnail did not load");

        foreach (var file in new[] { "report.html", "summary.json", "results.csv" })
            File.Delete(Path.Combine(output, file));
        var report = await CoordinatorCli.RunAsync(Timeout, "report", "--sweep-id", "report-mixed", "--out", output);

        Assert.True(report.ExitCode == 0, report.All);
        Assert.Equal(summaryText, File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(resultsText, File.ReadAllText(Path.Combine(output, "results.csv")));
        var (regenerated, _) = await browser.OpenAsync(Path.Combine(output, "report.html"), Path.Combine(Screenshots, "report-mixed-regenerated.png"));
        AssertShowsLedger(summary, rows, regenerated);
        Assert.Equal(shown.ArtefactHrefs, regenerated.ArtefactHrefs);
    }

    [Fact]
    public async Task Reporting_a_sweep_the_journal_does_not_hold_is_a_clear_error()
    {
        using var dir = new TempDir();
        var demo = (string file) => Path.Combine(SharedDataset.RepoRoot, "samples", "demo", file);
        Assert.Equal(0, (await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", demo("tasks.json"), "--submissions", demo("submissions.jsonl"), "--sweep-id", "demo", "--out", dir.Path)).ExitCode);

        var unknown = await CoordinatorCli.RunAsync(Timeout, "report", "--sweep-id", "not-run", "--out", dir.Path);
        var nowhere = await CoordinatorCli.RunAsync(Timeout, "report", "--sweep-id", "demo", "--out", dir.File("elsewhere"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains($"no sweep 'not-run' in the journal (SQLite {dir.File("sweep.db")})", unknown.All);
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains($"no journal at {dir.File("elsewhere/sweep.db")}", nowhere.All);
        Assert.False(Directory.Exists(dir.File("elsewhere")), "a failed report created the folder it was pointed at");
        Assert.DoesNotContain("   at ", unknown.All + nowhere.All);
    }

    private static void AssertShowsLedger(SummaryFile summary, IReadOnlyList<ResultRow> rows, ShownReport shown)
    {
        Assert.Equal((Money.Display(summary.EarnedUsd), summary.EarnedUsd), (shown.Earned, shown.EarnedUsd));
        Assert.Equal((Money.Display(summary.AvailableUsd), summary.AvailableUsd), (shown.Available, shown.AvailableUsd));
        Assert.Equal((summary.Tasks, summary.Graded, summary.Passed, summary.Failed, summary.SystemErrors),
            (shown.Tasks, shown.Graded, shown.Passed, shown.Failed, shown.SystemErrors));
        Assert.Equal(summary.ByVariant.Keys.Order(), shown.ByVariant.Keys.Order());
        Assert.All(summary.ByVariant, v => Assert.Equal((v.Value.Tasks, v.Value.Passed, Money.Display(v.Value.EarnedUsd)), shown.ByVariant[v.Key]));
        Assert.Equal(rows.Count(r => r.Outcome is "failed" or "system_error"), shown.ProblemRows);
    }
}
