using System.CommandLine;
using Spectre.Console;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Cli;

/// <summary>`swelancer report`: rewrites a sweep's report.html, results.csv and summary.json from its journal, grading nothing.</summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var stored = new StoredSweep();
        stored.SweepId.Description = "The sweep to report on.";
        stored.Out.Description = "The sweep's output folder; the reports are written there. Default: runs/<sweep-id>.";
        var command = new Command("report", "Rewrite a sweep's report.html, results.csv and summary.json from its journal, without grading.");
        stored.AddTo(command);
        command.SetAction((parsed, cancellation) =>
        {
            var (id, outFolder, db) = stored.Read(parsed);
            return RunAsync(id, outFolder, db, cancellation);
        });
        return command;
    }

    public static async Task<int> RunAsync(string sweepId, string outDir, string? dbOption, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        var history = await StoredSweep.LoadAsync(sweepId, outDir, dbOption, console, cancellation);
        if (history is null)
            return ExitCodes.BadInput;

        var planned = history.Plan.Items;
        // Folded like the live ledger: keyed, so a result recorded twice counts once.
        var results = EarningsLedger.FromEntries(sweepId, history.Results).Entries.ToList();
        // One fold, one set of bootstraps: the console, summary.json and report.html all read this report.
        var report = SweepReport.Of(sweepId, planned, results);
        var (summary, estimates, flakes, cost) = (report.Summary, report.Estimates, report.Flakes, report.Cost);
        console.Write(LedgerTable.Of(summary));
        foreach (var line in LedgerTable.EstimateLines(estimates).Concat(FlakeAndCostLines.Of(flakes, cost)))
            console.WriteLine(line);
        ResultsCsv.Write(Path.Combine(outDir, "results.csv"), planned, results);
        SummaryJson.Write(Path.Combine(outDir, "summary.json"), summary, estimates, flakes, cost);
        var reportPath = Path.Combine(outDir, "report.html");
        ReportHtml.Write(reportPath, report);
        console.WriteLine($"report: {reportPath}");
        return ExitCodes.Ok;
    }
}
