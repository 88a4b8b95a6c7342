using System.CommandLine;
using Spectre.Console;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Cli;

/// <summary>`swelancer submit`: hand a sweep to a running coordinator, by upload or by paths on a shared volume.</summary>
public static class SubmitCommand
{
    public static Command Build()
    {
        var remote = new CoordinatorClientOptions();
        var tasks = new Option<FileInfo>("--tasks") { Description = "Task pool: a SWE-Lancer task CSV or a task manifest (.json).", Required = true };
        var submissions = new Option<FileInfo>("--submissions") { Description = "The model's answers, JSON Lines.", Required = true };
        var sweepId = new Option<string?>("--sweep-id") { Description = "Name of the sweep. Generated when absent." };
        var sharedPaths = new Option<bool>("--shared-paths") { Description = "Do not upload: send the files' absolute paths, which the coordinator reads from a volume it shares with you." };
        var maxInFlight = new Option<int?>("--max-in-flight") { Description = $"Attempts out to the graders at once (default {DispatchPolicy.Default.MaxInFlight})." };
        var answerTimeout = new Option<int?>("--answer-timeout-seconds") { Description = "Redeliver an attempt not answered within this many seconds." };
        var retries = new Option<int?>("--system-error-retries") { Description = "Retries of an attempt that hit a retryable system error." };
        var dispatchOrder = DispatchOrderOption.Create();
        sweepId.Validators.Add(r => { if (r.GetValueOrDefault<string?>() is { } id && SweepIds.Problem(id) is { } problem) r.AddError(problem); });
        tasks.AcceptExistingOnly();
        submissions.AcceptExistingOnly();

        var command = new Command("submit", "Submit a sweep to a running coordinator and print its id.")
        {
            tasks, submissions, sweepId, sharedPaths, maxInFlight, answerTimeout, retries, dispatchOrder,
        };
        remote.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            var fields = new Dictionary<string, string>();
            if (parsed.GetValue(sweepId) is { } id) fields["sweep_id"] = id;
            if (parsed.GetValue(maxInFlight) is { } m) fields["max_in_flight"] = m.ToString();
            if (parsed.GetValue(answerTimeout) is { } a) fields["answer_timeout_seconds"] = a.ToString();
            if (parsed.GetValue(retries) is { } r) fields["system_error_retries"] = r.ToString();
            fields["dispatch_order"] = parsed.GetValue(dispatchOrder)!;
            var tasksPath = parsed.GetValue(tasks)!.FullName;
            var submissionsPath = parsed.GetValue(submissions)!.FullName;

            using var client = remote.Connect(parsed);
            return await RemoteCall.RunAsync(async () =>
            {
                var created = parsed.GetValue(sharedPaths)
                    ? await client.SubmitPathsAsync(new Dictionary<string, string>(fields) { ["tasks_path"] = tasksPath, ["submissions_path"] = submissionsPath }, cancellation)
                    : await client.UploadAsync(tasksPath, submissionsPath, fields, cancellation);
                foreach (var warning in created.GetProperty("warnings").EnumerateArray())
                    AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning.GetString()}");
                var submitted = created.GetProperty("sweep_id").GetString();
                Console.WriteLine($"submitted sweep {submitted}: {created.GetProperty("tasks").GetInt32()} tasks, {created.GetProperty("attempts").GetInt32()} attempts");
                Console.WriteLine($"watch it with: swelancer status --coordinator {parsed.GetValue<Uri>("--coordinator")} {submitted} --watch");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
