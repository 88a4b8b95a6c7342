using System.CommandLine;
using Spectre.Console;
using SweLancer.Coordinator.Hosting;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Comparison;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Planning;

namespace SweLancer.Coordinator.Cli;

/// <summary>
/// `swelancer compare SWEEP_A SWEEP_B`: what B won and lost against A, task by task, from the two journals, grading
/// nothing. Each sweep is found like `report` finds it (runs/&lt;id&gt;/sweep.db, or --out, or --db), per side when the
/// sweeps live in different folders or databases. Bad input (an unknown sweep, a missing journal, sweeps with no task
/// in common or a task priced differently) exits 2 with one line saying what and where.
/// </summary>
public static class CompareCommand
{
    public static Command Build()
    {
        var sweepA = new Argument<string>("SWEEP_A") { Description = "The baseline sweep." };
        var sweepB = new Argument<string>("SWEEP_B") { Description = "The sweep compared against it: differences are B - A." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Output folder both sweeps were swept into (their SQLite journal, sweep.db). Default: runs/<sweep-id> for each." };
        var db = new Option<string>("--db") { Description = "Journal database both sweeps were recorded in, as given to `sweep`. Default: SQLite in each sweep's output folder." };
        var aOut = new Option<DirectoryInfo>("--a-out") { Description = "Output folder of sweep A (overrides --out for A)." };
        var bOut = new Option<DirectoryInfo>("--b-out") { Description = "Output folder of sweep B (overrides --out for B)." };
        var aDb = new Option<string>("--a-db") { Description = "Journal database of sweep A (overrides --db for A)." };
        var bDb = new Option<string>("--b-db") { Description = "Journal database of sweep B (overrides --db for B)." };
        var format = new Option<string>("--format") { Description = "What to print: a table, or the JSON.", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "json");
        var json = new Option<FileInfo>("--json") { Description = "Also write the comparison as JSON to this file." };
        var html = new Option<FileInfo>("--html") { Description = "Also write the comparison as an HTML page to this file." };
        foreach (var id in new[] { sweepA, sweepB })
            id.Validators.Add(r => { if (SweepIds.Problem(r.GetValueOrDefault<string>() ?? "") is { } problem) r.AddError(problem.Replace("--sweep-id", id.Name, StringComparison.Ordinal)); });

        var command = new Command("compare", "Compare two sweeps task by task: tasks won and lost, dollars gained and lost, and the paired difference B - A with its 95 % interval.")
        {
            sweepA, sweepB, outDir, db, aOut, bOut, aDb, bDb, format, json, html,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var a = SweepJournalLocation.Resolve(parsed.GetValue(sweepA)!, (parsed.GetValue(aOut) ?? parsed.GetValue(outDir))?.FullName,
                parsed.GetValue(aDb) ?? parsed.GetValue(db), "--a-out or --out", "--a-db or --db", out var aProblem);
            var b = SweepJournalLocation.Resolve(parsed.GetValue(sweepB)!, (parsed.GetValue(bOut) ?? parsed.GetValue(outDir))?.FullName,
                parsed.GetValue(bDb) ?? parsed.GetValue(db), "--b-out or --out", "--b-db or --db", out var bProblem);
            if (a is null || b is null)
                return Task.FromResult(Refuse(a is null ? $"sweep A: {aProblem}" : $"sweep B: {bProblem}"));
            return RunAsync(a, b, parsed.GetValue(format) == "json", parsed.GetValue(json)?.FullName, parsed.GetValue(html)?.FullName, cancellation);
        });
        return command;
    }

    public static async Task<int> RunAsync(SweepJournalLocation a, SweepJournalLocation b, bool printJson, string? jsonPath, string? htmlPath,
        CancellationToken cancellation)
    {
        var (tasksA, problemA) = await ReadAsync("A", a, cancellation);
        if (tasksA is null)
            return Refuse(problemA!);
        var (tasksB, problemB) = await ReadAsync("B", b, cancellation);
        if (tasksB is null)
            return Refuse(problemB!);

        SweepComparison comparison;
        try
        {
            comparison = SweepComparison.Of(a.SweepId, tasksA, b.SweepId, tasksB);
        }
        catch (IncomparableSweepsException ex)
        {
            return Refuse(ex.Message);
        }

        try
        {
            if (jsonPath is not null)
                ComparisonJson.Write(Created(jsonPath), comparison);
            if (htmlPath is not null)
                ComparisonHtml.Write(Created(htmlPath), comparison);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse($"cannot write the comparison: {ex.Message}");
        }

        if (printJson)
        {
            using var stdout = Console.OpenStandardOutput();
            ComparisonJson.Write(stdout, comparison);
            stdout.Write("\n"u8);
            return ExitCodes.Ok;
        }

        var console = AnsiConsole.Console;
        console.Write(ComparisonTable.Totals(comparison));
        console.WriteLine(ComparisonTable.WonAndLost(comparison));
        if (ComparisonTable.Changed(comparison) is { } changed)
            console.Write(changed);
        foreach (var note in ComparisonTable.Notes(comparison))
            console.WriteLine(note);
        return ExitCodes.Ok;
    }

    /// <returns>The sweep's tasks folded by the ledger's rule, or what kept them from being read.</returns>
    private static async Task<(IReadOnlyList<TaskResult>? Tasks, string? Problem)> ReadAsync(string side, SweepJournalLocation at, CancellationToken cancellation)
    {
        SweepHistory? history;
        try
        {
            history = await SweepJournalReader.ReadAsync(at.Db, at.SweepId, at.LogPath, cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"sweep {side}: cannot read the journal ({at.Db.Description}): {ex.GetBaseException().Message}");
        }

        if (history is null)
            return (null, $"sweep {side}: no sweep '{at.SweepId}' in the journal ({at.Db.Description}).");
        // Keyed like the live ledger, so a result recorded twice counts once.
        var results = EarningsLedger.FromEntries(at.SweepId, history.Results).Entries;
        return (TaskResult.Of(history.Plan.Items, results), null);
    }

    private static string Created(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static int Refuse(string problem)
    {
        // Standard error, so `--format json` output stays parseable.
        Console.Error.WriteLine($"error: {problem}");
        return ExitCodes.BadInput;
    }
}
