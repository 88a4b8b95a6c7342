using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SweLancer.Coordinator.Api;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Summaries;

namespace SweLancer.Coordinator.Cli;

/// <summary>`swelancer status`: the sweeps of a running coordinator, or one sweep's progress and ledger (optionally followed live).</summary>
public static class StatusCommand
{
    private static readonly string[] EndStates = ["finished", "cancelled", "failed"];

    public static Command Build()
    {
        var remote = new CoordinatorClientOptions();
        var sweep = new Argument<string?>("SWEEP") { Description = "A sweep id; without it, every sweep is listed.", Arity = ArgumentArity.ZeroOrOne };
        var watch = new Option<bool>("--watch") { Description = "Follow the sweep's progress until it finishes, then print its ledger." };
        var command = new Command("status", "Show the sweeps of a running coordinator, or one sweep's progress and earnings.") { sweep, watch };
        remote.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            using var client = remote.Connect(parsed);
            return await RemoteCall.RunAsync(async () =>
            {
                if (parsed.GetValue(sweep) is not { } id)
                    return ListAll(await client.GetAsync("api/sweeps", cancellation));
                return await ShowAsync(client, id, parsed.GetValue(watch), cancellation);
            });
        });
        return command;
    }

    private static int ListAll(JsonElement list)
    {
        var views = list.GetProperty("sweeps").Deserialize<List<SweepView>>(CoordinatorClient.Json)!;
        if (views.Count == 0)
        {
            Console.WriteLine("no sweeps");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("sweep", "state", "graded", "passed", "earned", "available");
        foreach (var v in views)
        {
            table.AddRow(Markup.Escape(v.SweepId), v.State,
                v.Progress is { } p ? $"{p.Graded}/{p.Total}" : "?",
                v.Ledger?.Passed.ToString() ?? "?",
                v.Ledger is { } l ? Money.Display(l.EarnedUsd) : "?",
                v.Ledger is { } a ? Money.Display(a.AvailableUsd) : "?");
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CoordinatorClient client, string id, bool watch, CancellationToken cancellation)
    {
        var path = $"api/sweeps/{Uri.EscapeDataString(id)}";
        var view = (await client.GetAsync(path, cancellation)).Deserialize<SweepView>(CoordinatorClient.Json)!;
        ProgressPrinter? printer = null;
        while (watch && !EndStates.Contains(view.State))
        {
            if (view.Progress is { } progress)
                (printer ??= new ProgressPrinter(Console.Out, !Console.IsOutputRedirected, progress.Graded)).Show(progress);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            view = (await client.GetAsync(path, cancellation)).Deserialize<SweepView>(CoordinatorClient.Json)!;
        }

        printer?.Finish();
        Console.WriteLine($"sweep {view.SweepId}: {view.State}" + (view.Problem is null ? "" : $" ({view.Problem})"));
        if (view.Progress is { } p)
            Console.WriteLine(ProgressPrinter.Format(p, view.Timing?.AttemptsPerMinute ?? 0));
        if (view.Ledger is { } summary)
            AnsiConsole.Write(LedgerTable.Of(summary));
        return ExitCodes.Ok;
    }
}
