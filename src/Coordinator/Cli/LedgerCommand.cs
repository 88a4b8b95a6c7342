using System.CommandLine;
using Spectre.Console;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Import;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Replay;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Cli;

/// <summary>
/// `swelancer ledger`: folds a finished sweep's stored results again, optionally under other pricing rules, without
/// regrading anything and without touching the sweep's own reports.
/// </summary>
public static class LedgerCommand
{
    public static Command Build()
    {
        var stored = new StoredSweep();
        var rules = new Option<string[]>("--price-rule")
        {
            Description = $"Re-price before folding; repeat to combine, applied in order: {PriceRuleParser.Forms}.",
            AllowMultipleArgumentsPerToken = false,
        };
        var summaryJson = new Option<FileInfo>("--summary-json") { Description = "Also write the replayed ledger as a summary.json file here." };
        var command = new Command("ledger", "Fold a finished sweep's results again, optionally under other pricing rules (price caps, excluded tasks, one split), without regrading.");
        stored.AddTo(command);
        command.Options.Add(rules);
        command.Options.Add(summaryJson);
        command.SetAction((parsed, cancellation) =>
        {
            var (id, outDir, db) = stored.Read(parsed);
            return RunAsync(id, outDir, db, parsed.GetValue(rules) ?? [], parsed.GetValue(summaryJson)?.FullName, cancellation);
        });
        return command;
    }

    public static async Task<int> RunAsync(string sweepId, string outDir, string? db, IReadOnlyList<string> ruleTexts, string? summaryJsonPath, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        List<PriceRule> rules;
        try
        {
            rules = ruleTexts.Select(PriceRuleParser.Parse).ToList();
        }
        catch (Exception ex) when (ex is PriceRuleException or InputFormatException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }

        var history = await StoredSweep.LoadAsync(sweepId, outDir, db, console, cancellation);
        if (history is null)
            return ExitCodes.BadInput;

        // Keyed like the live ledger: a result recorded twice counts once.
        var results = EarningsLedger.FromEntries(sweepId, history.Results).Entries.ToList();
        var replay = LedgerReplay.Of(history.Plan.Items, results, rules);
        var original = LedgerSummary.Of(sweepId, replay.Original);
        var replayed = LedgerSummary.Of(sweepId, replay.Replayed);
        var estimates = AttemptEstimates.Of(replay.Replayed);
        var (flakes, cost) = (FlakeReport.Of(replay.Replayed), SweepCost.Of(replay.Replayed));

        console.WriteLine(rules.Count == 0 ? "replayed as recorded (no --price-rule)" : $"replayed under: {string.Join("; ", rules.Select(r => r.Describe()))}");
        if (replay.UnknownIds.Count > 0)
            console.WriteLine($"note: {replay.UnknownIds.Count} listed id(s) are not in sweep {sweepId}: {string.Join(", ", replay.UnknownIds.Take(10))}{(replay.UnknownIds.Count > 10 ? ", …" : "")}");
        console.Write(LedgerTable.Of(replayed));
        foreach (var line in LedgerTable.EstimateLines(estimates).Concat(FlakeAndCostLines.Of(flakes, cost)))
            console.WriteLine(line);
        console.WriteLine($"recorded: {Money.Display(original.EarnedUsd)} of {Money.Display(original.AvailableUsd)} over {original.Tasks} tasks; " +
            $"replayed: {Money.Display(replayed.EarnedUsd)} of {Money.Display(replayed.AvailableUsd)} over {replayed.Tasks} tasks");
        if (summaryJsonPath is not null)
        {
            SummaryJson.Write(summaryJsonPath, replayed, estimates, flakes, cost);
            console.WriteLine($"summary: {summaryJsonPath}");
        }

        return ExitCodes.Ok;
    }
}
