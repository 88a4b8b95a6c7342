using Akka.Actor;
using Spectre.Console;
using SweLancer.Coordinator.Hosting;
using SweLancer.Coordinator.Import;
using SweLancer.Coordinator.Ledger;
using SweLancer.Coordinator.Reports;
using SweLancer.Coordinator.Sweeps;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;

namespace SweLancer.Coordinator.Cli;

/// <summary>`swelancer sweep`: load the inputs, run (or resume) the sweep on the embedded cluster, write the reports.</summary>
public static class SweepRunner
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitBadInput = 2;

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(SweepOptions options, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        SweepPlan plan;
        DatabaseTarget db;
        try
        {
            var tasks = TaskPoolReader.Read(options.TasksPath);
            var submissions = SubmissionReader.Read(options.SubmissionsPath);
            plan = SweepPlanner.Plan(options.SweepId, tasks, submissions.Submissions);
            foreach (var warning in submissions.Warnings.Concat(plan.Warnings))
                console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
            Directory.CreateDirectory(options.OutDir);
            db = options.Db is null ? DatabaseTarget.SqliteFile(Path.Combine(options.OutDir, "sweep.db")) : DatabaseTarget.Parse(options.Db);
        }
        catch (Exception ex) when (ex is InputFormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitBadInput;
        }

        var available = plan.Items.DistinctBy(i => i.Task.QuestionId).Sum(i => i.Task.PriceUsd);
        console.MarkupLineInterpolated(
            $"sweep [bold]{plan.SweepId}[/]: {plan.Items.Select(i => i.Task.QuestionId).Distinct().Count()} tasks, {plan.Items.Count} attempts, {Money.Display(available)} available; journal in {db.Description}");

        // IC tasks need Docker; without it they end as system errors that say why (never passes, never failures).
        await using var ic = await IcRunnerSetup.StartAsync($"embedded-{Environment.MachineName}-{plan.SweepId}", options.ContainerSlots,
            options.ArtefactsDir ?? Path.Combine(options.OutDir, "artefacts"), cancellation);
        if (ic.Problem is not null && plan.Items.Any(i => i.Task.Variant == Messages.Tasks.TaskVariants.IcSwe))
            console.MarkupLineInterpolated($"[yellow]warning:[/] ic_swe tasks cannot be graded here: {ic.Problem}");
        await using var cluster = await EmbeddedCluster.StartAsync(db, new TaskGrader([ic.Runner]));
        var (sweep, ledger) = cluster.StartSweep(plan, options.Policy);

        var status = await sweep.Ask<object>(GetSweepStatus.Instance, TimeSpan.FromMinutes(2), cancellation);
        if (status is SweepRejected rejected)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {rejected.Reason}");
            return ExitBadInput;
        }

        var started = (SweepStarted)status;
        if (started.Resumed)
            console.WriteLine($"resuming: {started.AlreadyGraded} of {started.Total} attempts were already graded");

        var printer = new ProgressPrinter(Console.Out, !Console.IsOutputRedirected, started.AlreadyGraded);
        try
        {
            while (true)
            {
                var progress = await sweep.Ask<SweepProgress>(GetSweepProgress.Instance, AskTimeout, cancellation);
                printer.Show(progress, available);
                if (progress.IsFinished)
                    break;
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            printer.Finish();
            console.MarkupLineInterpolated($"[yellow]interrupted.[/] Resume with the same command and --sweep-id {plan.SweepId}.");
            return ExitFailure;
        }

        printer.Finish();
        var view = await WaitForLedgerAsync(ledger, plan.Items.Count, cancellation);
        var planned = plan.Items.Select(i => i.ToPlanned()).ToList();
        var summary = LedgerSummary.Of(plan.SweepId, planned, view.Entries);

        console.Write(LedgerTable.Of(summary));
        var resultsPath = Path.Combine(options.OutDir, "results.csv");
        ResultsCsv.Write(resultsPath, planned, view.Entries);
        SummaryJson.Write(Path.Combine(options.OutDir, "summary.json"), summary);
        if (options.SummaryJsonPath is not null)
            SummaryJson.Write(options.SummaryJsonPath, summary);
        console.WriteLine($"results: {Path.GetFullPath(resultsPath)}");
        return ExitOk;
    }

    /// <summary>The ledger is a projection and may trail the sweep by a poll interval; wait until it has every result.</summary>
    private static async Task<LedgerView> WaitForLedgerAsync(IActorRef ledger, int expected, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var view = await ledger.Ask<LedgerView>(GetLedger.Instance, AskTimeout, cancellation);
            if (view.Entries.Count >= expected)
                return view;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The ledger projection folded only {view.Entries.Count} of {expected} results in 2 minutes.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation);
        }
    }
}
