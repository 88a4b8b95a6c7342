using System.CommandLine;
using Spectre.Console;
using SweLancer.Domain.Planning;
using SweLancer.Coordinator.Hosting;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Cli;

/// <summary>`swelancer report`: rewrites a sweep's report.html, results.csv and summary.json from its journal, grading nothing.</summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var sweepId = new Option<string>("--sweep-id") { Description = "The sweep to report on.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "The sweep's output folder; the reports are written there. Default: runs/<sweep-id>." };
        var db = new Option<string>("--db") { Description = "The sweep's journal database connection string, as given to `sweep`. Default: SQLite in the output folder." };
        sweepId.Validators.Add(r => { if (SweepIds.Problem(r.GetValueOrDefault<string>() ?? "") is { } problem) r.AddError(problem); });

        var command = new Command("report", "Rewrite a sweep's report.html, results.csv and summary.json from its journal, without grading.") { sweepId, outDir, db };
        command.SetAction((parsed, cancellation) =>
        {
            var id = parsed.GetValue(sweepId)!;
            var outFolder = parsed.GetValue(outDir)?.FullName ?? Path.GetFullPath(Path.Combine("runs", id));
            return RunAsync(id, outFolder, parsed.GetValue(db), cancellation);
        });
        return command;
    }

    public static async Task<int> RunAsync(string sweepId, string outDir, string? dbOption, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        DatabaseTarget db;
        try
        {
            db = dbOption is null ? DatabaseTarget.SqliteFile(Path.Combine(outDir, "sweep.db")) : DatabaseTarget.Parse(dbOption);
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }

        // Reading would create an empty SQLite file; a missing one means the sweep ran elsewhere.
        if (dbOption is null && !File.Exists(Path.Combine(outDir, "sweep.db")))
        {
            console.MarkupLineInterpolated(
                $"[red]error:[/] no journal at {Path.Combine(outDir, "sweep.db")}: sweep '{sweepId}' was not run with this output folder. Pass the sweep's --out (or its --db).");
            return ExitCodes.BadInput;
        }

        Directory.CreateDirectory(outDir);
        var history = await SweepJournalReader.ReadAsync(db, sweepId, Path.Combine(outDir, "swelancer.log"), cancellation);
        if (history is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] no sweep '{sweepId}' in the journal ({db.Description}).");
            return ExitCodes.BadInput;
        }

        var planned = history.Plan.Items;
        // Folded like the live ledger: keyed, so a result recorded twice counts once.
        var results = EarningsLedger.FromEntries(sweepId, history.Results).Entries.ToList();
        var tasks = TaskResult.Of(planned, results);
        var summary = LedgerSummary.Of(sweepId, tasks);
        var estimates = AttemptEstimates.Of(tasks);
        var (flakes, cost) = (FlakeReport.Of(tasks), SweepCost.Of(tasks));
        console.Write(LedgerTable.Of(summary));
        foreach (var line in LedgerTable.EstimateLines(estimates).Concat(FlakeAndCostLines.Of(flakes, cost)))
            console.WriteLine(line);
        ResultsCsv.Write(Path.Combine(outDir, "results.csv"), planned, results);
        SummaryJson.Write(Path.Combine(outDir, "summary.json"), summary, estimates, flakes, cost);
        var reportPath = Path.Combine(outDir, "report.html");
        ReportHtml.Write(reportPath, SweepReport.Of(sweepId, planned, results));
        console.WriteLine($"report: {reportPath}");
        return ExitCodes.Ok;
    }
}
