using System.CommandLine;
using SweLancer.Coordinator.Sweeps;
using SweLancer.GraderNode.Hosting;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;
using SweLancer.Hosting.Cluster;
using SweLancer.Hosting.Logging;
using SweLancer.Hosting.Nodes;

namespace SweLancer.Coordinator.Cli;

/// <summary>The `swelancer` command tree.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("SweLancer grading cluster: grades a model's SWE-Lancer submissions and reports what it earned.");
        root.Subcommands.Add(SweepCommand());
        root.Subcommands.Add(CoordinatorCommand.Build());
        root.Subcommands.Add(SubmitCommand.Build());
        root.Subcommands.Add(StatusCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        return root;
    }

    private static Command SweepCommand()
    {
        var tasks = new Option<FileInfo>("--tasks") { Description = "Task pool: a SWE-Lancer task CSV or a task manifest (.json).", Required = true }.AcceptExistingOnly();
        var submissions = new Option<FileInfo>("--submissions") { Description = "The model's answers, JSON Lines.", Required = true }.AcceptExistingOnly();
        var sweepId = new Option<string>("--sweep-id") { Description = "Name of the sweep; reuse it to resume. Generated when absent." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Output folder (results.csv, summary.json, the SQLite journal). Default: runs/<sweep-id>." };
        var db = new Option<string>("--db") { Description = "Journal database connection string: PostgreSQL (Host=…) or SQLite (Data Source=…). Default: SQLite in the output folder." };
        var summaryJson = new Option<FileInfo>("--summary-json") { Description = "Also write the summary JSON here." };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Attempts out to the graders at once.", DefaultValueFactory = _ => DispatchPolicy.Default.MaxInFlight };
        var answerTimeout = new Option<int>("--answer-timeout-seconds") { Description = "Redeliver an attempt not answered within this many seconds.", DefaultValueFactory = _ => (int)DispatchPolicy.Default.AnswerTimeout.TotalSeconds };
        var containerSlots = new Option<int?>("--container-slots") { Description = "Grading containers alive at once on this node (ic_swe tasks). Default: one per core, at most one per GiB of memory." };
        var artefacts = new Option<DirectoryInfo>("--artefacts") { Description = "Where screenshots and traces of failed browser tests go. Default: OUT/artefacts." };
        containerSlots.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--container-slots must be at least 1."); });
        maxInFlight.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-in-flight must be at least 1."); });
        var systemErrorRetries = new Option<int>("--system-error-retries") { Description = "Retries, with backoff, of an attempt that hit a retryable system error (ours, not the model's) before it counts as one.", DefaultValueFactory = _ => DispatchPolicy.Default.MaxSystemErrorRetries };
        systemErrorRetries.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--system-error-retries must be 0 or more."); });
        answerTimeout.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--answer-timeout-seconds must be at least 1."); });
        sweepId.Validators.Add(r => { if (SweepIds.Problem(r.GetValueOrDefault<string>() ?? "") is { } problem) r.AddError(problem); });

        var command = new Command("sweep", "Grade every submission against the task pool on the embedded cluster and report the earnings.")
        {
            tasks, submissions, sweepId, outDir, db, summaryJson, maxInFlight, answerTimeout, systemErrorRetries, containerSlots, artefacts,
        };
        var protocol = new ProtocolOptions();
        protocol.AddTo(command);
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
                },
                parsed.GetValue(containerSlots),
                parsed.GetValue(artefacts)?.FullName ?? Path.Combine(outFolder, "artefacts"),
                protocol.Read(parsed));
            return telemetry.RunAsync(parsed, $"embedded-{Environment.MachineName}-{id}", () => SweepRunner.RunAsync(options, cancellation), cancellation);
        });
        return command;
    }
}
