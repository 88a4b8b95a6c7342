using System.CommandLine;
using Spectre.Console;
using SweLancer.Coordinator.Hosting;
using SweLancer.Domain.Planning;

namespace SweLancer.Coordinator.Cli;

/// <summary>
/// A finished sweep found by <c>--sweep-id</c>, <c>--out</c> and <c>--db</c>, for the commands that read its journal
/// without grading (<c>report</c>, <c>ledger</c>).
/// </summary>
public sealed class StoredSweep
{
    public Option<string> SweepId { get; } = new("--sweep-id") { Description = "The sweep to read.", Required = true };

    public Option<DirectoryInfo> Out { get; } = new("--out") { Description = "The sweep's output folder. Default: runs/<sweep-id>." };

    public Option<string> Db { get; } = new("--db") { Description = "The sweep's journal database connection string, as given to `sweep`. Default: SQLite in the output folder." };

    public StoredSweep() =>
        SweepId.Validators.Add(r => { if (SweepIds.Problem(r.GetValueOrDefault<string>() ?? "") is { } problem) r.AddError(problem); });

    public void AddTo(Command command)
    {
        command.Options.Add(SweepId);
        command.Options.Add(Out);
        command.Options.Add(Db);
    }

    /// <summary>The sweep id, its output folder and the --db value, as parsed.</summary>
    public (string SweepId, string OutDir, string? Db) Read(ParseResult parsed)
    {
        var id = parsed.GetValue(SweepId)!;
        return (id, parsed.GetValue(Out)?.FullName ?? Path.GetFullPath(Path.Combine("runs", id)), parsed.GetValue(Db));
    }

    /// <summary>The sweep's plan and results, or null after telling the user why there are none.</summary>
    public static async Task<SweepHistory?> LoadAsync(string sweepId, string outDir, string? dbOption, IAnsiConsole console, CancellationToken cancellation)
    {
        var location = SweepJournalLocation.Resolve(sweepId, outDir, dbOption, "--out", "--db", out var problem);
        if (location is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            return null;
        }

        Directory.CreateDirectory(outDir);
        var history = await SweepJournalReader.ReadAsync(location.Db, sweepId, Path.Combine(outDir, "swelancer.log"), cancellation);
        if (history is null)
            console.MarkupLineInterpolated($"[red]error:[/] no sweep '{sweepId}' in the journal ({location.Db.Description}).");
        return history;
    }
}
