using System.CommandLine;
using Akka.Actor;
using Spectre.Console;
using SweLancer.Coordinator.Embedded;
using SweLancer.Coordinator.Hosting;
using SweLancer.Coordinator.Ledger;
using SweLancer.Coordinator.Reports;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Domain.Import;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Summaries;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Cli;

/// <summary>`swelancer sweep`: load the inputs, run (or resume) the sweep on the embedded node, write the reports.</summary>
public static class SweepCommand
{
    public static Command Build()
    {
        var tasks = new Option<FileInfo>("--tasks") { Description = "Task pool: a SWE-Lancer task CSV or a task manifest (.json).", Required = true }.AcceptExistingOnly();
        var submissions = new Option<FileInfo>("--submissions") { Description = "The model's answers, JSON Lines.", Required = true }.AcceptExistingOnly();
        var sweepId = new Option<string>("--sweep-id") { Description = "Name of the sweep; reuse it to resume. Generated when absent." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Output folder (results.csv, summary.json, the SQLite journal). Default: runs/<sweep-id>." };
        var db = new Option<string>("--db") { Description = "Journal database connection string: PostgreSQL (Host=…) or SQLite (Data Source=…). Default: SQLite in the output folder." };
        var summaryJson = new Option<FileInfo>("--summary-json") { Description = "Also write the summary JSON here." };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Attempts out to the graders at once.", DefaultValueFactory = _ => DispatchPolicy.Default.MaxInFlight };
        var answerTimeout = new Option<int>("--answer-timeout-seconds") { Description = "Redeliver an attempt not answered within this many seconds.", DefaultValueFactory = _ => (int)DispatchPolicy.Default.AnswerTimeout.TotalSeconds };
        maxInFlight.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-in-flight must be at least 1."); });
        var systemErrorRetries = new Option<int>("--system-error-retries") { Description = "Retries, with backoff, of an attempt that hit a retryable system error (ours, not the model's) before it counts as one.", DefaultValueFactory = _ => DispatchPolicy.Default.MaxSystemErrorRetries };
        systemErrorRetries.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--system-error-retries must be 0 or more."); });
        answerTimeout.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--answer-timeout-seconds must be at least 1."); });
        sweepId.Validators.Add(r => { if (SweepIds.Problem(r.GetValueOrDefault<string>() ?? "") is { } problem) r.AddError(problem); });
        var dispatchOrder = DispatchOrderOption.Create();

        var command = new Command("sweep", "Grade every submission against the task pool on the embedded cluster and report the earnings.")
        {
            tasks, submissions, sweepId, outDir, db, summaryJson, maxInFlight, answerTimeout, systemErrorRetries, dispatchOrder,
        };
        var grading = new SweepGradingOptions();
        grading.AddTo(command);
        var telemetry = TelemetryCliOptions.AddTo(command);
        command.SetAction((parsed, cancellation) =>
        {
            var id = parsed.GetValue(sweepId) ?? SweepIds.New();
            var outFolder = parsed.GetValue(outDir)?.FullName ?? Path.GetFullPath(Path.Combine("runs", id));
            var options = new SweepOptions(
                parsed.GetValue(tasks)!.FullName,
                parsed.GetValue(submissions)!.FullName,
                id,
                outFolder,
                parsed.GetValue(db),
                parsed.GetValue(summaryJson)?.FullName,
                DispatchPolicy.Default with
                {
                    MaxInFlight = parsed.GetValue(maxInFlight),
                    AnswerTimeout = TimeSpan.FromSeconds(parsed.GetValue(answerTimeout)),
                    MaxSystemErrorRetries = parsed.GetValue(systemErrorRetries),
                    Order = DispatchOrdering.Parse(parsed.GetValue(dispatchOrder)!)!.Value,
                },
                grading.Read(parsed, id, outFolder));
            return telemetry.RunAsync(parsed, $"embedded-{Environment.MachineName}-{id}", () => RunAsync(options, cancellation), cancellation);
        });
        return command;
    }

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(SweepOptions options, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        SweepPlan plan;
        DatabaseTarget db;
        try
        {
            plan = SweepInputs.Load(options.SweepId, options.TasksPath, options.SubmissionsPath);
            foreach (var warning in plan.Warnings)
                console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
            Directory.CreateDirectory(options.OutDir);
            db = options.Db is null ? DatabaseTarget.SqliteFile(Path.Combine(options.OutDir, "sweep.db")) : DatabaseTarget.Parse(options.Db);
        }
        catch (Exception ex) when (ex is InputFormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }

        var ungraded = plan.Ungraded();
        console.MarkupLineInterpolated(
            $"sweep [bold]{plan.SweepId}[/]: {ungraded.Tasks} tasks, {ungraded.Attempts} attempts, {Money.Display(ungraded.AvailableUsd)} available; journal in {db.Description}");

        var logPath = Path.Combine(options.OutDir, "swelancer.log");
        // IC tasks need Docker; without it they end as system errors that say why (never passes, never failures).
        await using var cluster = await EmbeddedNode.StartAsync(db, options.Grading, logPath, cancellation);
        if (cluster.GradingProblem is { } problem && plan.Items.Any(i => i.Task.Variant == Messages.Tasks.TaskVariants.IcSwe))
            console.MarkupLineInterpolated($"[yellow]warning:[/] ic_swe tasks cannot be graded here: {problem}");
        var (sweep, ledger) = cluster.StartSweep(plan, options.Policy);

        var status = await sweep.Ask<object>(GetSweepStatus.Instance, TimeSpan.FromMinutes(2), cancellation);
        if (status is SweepRejected rejected)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {rejected.Reason}");
            return ExitCodes.BadInput;
        }

        if (status is not SweepStarted started)
        {
            // The journal refused or lost the sweep's plan (the actor logged why): nothing was graded.
            console.MarkupLineInterpolated($"[red]error:[/] sweep {plan.SweepId} did not start: its plan was not written to the journal; see {logPath}");
            return ExitCodes.Failure;
        }

        if (started.Resumed)
            console.WriteLine($"resuming: {started.AlreadyGraded} of {started.Total} attempts were already graded");

        var printer = new ProgressPrinter(Console.Out, !Console.IsOutputRedirected, started.AlreadyGraded);
        try
        {
            while (true)
            {
                var progress = await AskProgressAsync(sweep, logPath, cancellation);
                if (progress is not null)
                {
                    printer.Show(progress);
                    if (progress.IsFinished)
                        break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            printer.Finish();
            console.MarkupLineInterpolated($"[yellow]interrupted.[/] Resume with the same command and --sweep-id {plan.SweepId}.");
            return ExitCodes.Failure;
        }

        printer.Finish();
        var view = await WaitForLedgerAsync(ledger, plan.Items.Count, cancellation);
        // The reports need nothing more from the cluster, so leaving it (a second of gossip rounds) overlaps them. First the
        // ledger snapshots its last results, so reopening the finished sweep re-reads none of them.
        var stopped = SnapshotLedgerThenStopAsync();
        var planned = plan.Planned();
        var resultsPath = Path.Combine(options.OutDir, "results.csv");
        // One per-task fold for results.csv and the report; the csv is written on the other core while the report is folded.
        var tasks = TaskResult.Of(planned, view.Entries);
        var csvWritten = Task.Run(() => ResultsCsv.WriteTasks(resultsPath, planned, tasks), cancellation);
        // One set of bootstraps: the console, summary.json and report.html all read this report.
        var report = SweepReport.OfTasks(plan.SweepId, planned, tasks);
        var (summary, estimates, flakes, cost) = (report.Summary, report.Estimates, report.Flakes, report.Cost);

        console.Write(LedgerTable.Of(summary));
        foreach (var line in LedgerTable.EstimateLines(estimates).Concat(FlakeAndCostLines.Of(flakes, cost)))
            console.WriteLine(line);
        SummaryJson.Write(Path.Combine(options.OutDir, "summary.json"), summary, estimates, flakes, cost);
        if (options.SummaryJsonPath is not null)
            SummaryJson.Write(options.SummaryJsonPath, summary, estimates, flakes, cost);
        ReportHtml.Write(Path.Combine(options.OutDir, "report.html"), report);
        await csvWritten;
        await stopped;
        console.WriteLine($"results: {Path.GetFullPath(resultsPath)}");
        return ExitCodes.Ok;

        async Task SnapshotLedgerThenStopAsync()
        {
            await SnapshotLedgerAsync(ledger, logPath);
            await cluster.DisposeAsync();
        }
    }

    /// <summary>A busy or restarting sweep (e.g. the journal is slow or down) answers late; say so and keep waiting.</summary>
    private static async Task<SweepProgress?> AskProgressAsync(IActorRef sweep, string logPath, CancellationToken cancellation)
    {
        try
        {
            return await sweep.Ask<SweepProgress>(GetSweepProgress.Instance, AskTimeout, cancellation);
        }
        catch (AskTimeoutException)
        {
            Console.WriteLine($"waiting: the sweep has not answered for {AskTimeout.TotalSeconds:0} s (journal slow or unavailable?); see {logPath}");
            return null;
        }
    }

    /// <summary>Snapshotting is a shortcut for the next start, never needed: a failure or a slow journal only costs a warning.</summary>
    private static async Task SnapshotLedgerAsync(IActorRef ledger, string logPath)
    {
        try
        {
            var answer = await ledger.Ask<LedgerSnapshotted>(SnapshotLedger.Instance, AskTimeout);
            if (!answer.Saved)
                Console.WriteLine($"warning: the ledger's last snapshot was not written; reopening this sweep will re-read its results (see {logPath})");
        }
        catch (AskTimeoutException)
        {
            Console.WriteLine($"warning: the ledger's last snapshot did not finish in {AskTimeout.TotalSeconds:0} s; reopening this sweep will re-read its results (see {logPath})");
        }
    }

    /// <summary>
    /// The ledger is a projection and trails the sweep; wait until it has every result. Give up only when it stops
    /// moving, so a large sweep's catch-up is never cut short.
    /// </summary>
    private static async Task<LedgerView> WaitForLedgerAsync(IActorRef ledger, int expected, CancellationToken cancellation)
    {
        var stall = TimeSpan.FromMinutes(2);
        var lastCount = -1;
        var lastMove = DateTime.UtcNow;
        while (true)
        {
            var count = await ledger.Ask<int>(GetLedgerCount.Instance, AskTimeout, cancellation);
            if (count >= expected)
                return await ledger.Ask<LedgerView>(GetLedger.Instance, AskTimeout, cancellation);
            if (count != lastCount)
                (lastCount, lastMove) = (count, DateTime.UtcNow);
            else if (DateTime.UtcNow - lastMove > stall)
                throw new TimeoutException($"the ledger projection stopped at {count} of {expected} results for {stall.TotalMinutes:0} minutes; rerun the same command to resume.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }
}
