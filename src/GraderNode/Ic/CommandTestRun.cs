using Docker.DotNet;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// The command runner: hidden tests are copied in only now, then test_command runs in cwd. Exit 0 passes; any other
/// exit fails unless the container itself stopped or vanished (<see cref="CommandExitPolicy"/>). Like SWE-Lancer
/// (n_test_runs = 3) a failing run is retried, each time in a fresh container (tests may change the app's state), and
/// any pass counts. Every run is recorded on the attempt's meter; with <see cref="TestRunSettings.ConfirmRuns"/> all
/// three are made even after a pass. A timeout or a disk overrun ends the runs: the model's code did that.
/// </summary>
public static class CommandTestRun
{
    public const int MaxRuns = 3;

    /// <param name="command">The test command with its program resolved (<see cref="TestCommand"/>).</param>
    public static async Task<GradeDecision> RunAsync(ContainerPool pool, ContainerLease first, PatchedWorkspace workspace, InstallFolders folders, TaskDefinition task,
        IReadOnlyList<string> command, AttemptContext attempt, TestRunSettings settings, CancellationToken cancellation)
    {
        var spec = task.Ic!;
        var lease = first;
        var series = new RunSeries(MaxRuns, settings, attempt.Meter);
        string? lastFailure = null;
        for (var run = 1; run <= MaxRuns; run++)
        {
            if (run > 1)
            {
                // Give the used container back first: holding it while waiting for a new one deadlocks a full pool.
                await lease.DisposeAsync();
                lease = await pool.LeaseAsync(spec.Image!, attempt.SweepId, folders, cancellation, offline: true);
                lease.ChargeTo(attempt.Meter);
                await workspace.InstallAsync(lease, cancellation);
            }
            RunEnd end;
            try
            {
                end = await RunOnceAsync(lease, spec, command, run, cancellation);
            }
            finally
            {
                // Leases are disposed once however often this runs; the caller also disposes the first.
                if (!ReferenceEquals(lease, first))
                    await lease.DisposeAsync();
            }
            var again = series.Record(end.Verdict.Outcome);
            switch (end.Verdict.Outcome)
            {
                case GradeOutcome.Failed when end.Final && !series.Passed:
                    return GradeDecision.Fail(end.Reason);
                case GradeOutcome.Failed:
                    lastFailure = end.Reason;
                    break;
                case GradeOutcome.SystemError when !series.Passed:
                    return GradeDecision.SystemError(end.Reason, end.Verdict.Retryable);
            }
            if (end.Final || !again)
                break;
        }
        return series.Passed
            ? GradeDecision.Pass(task.PriceUsd, series.PassReason)
            : GradeDecision.Fail($"hidden tests failed in {series.Runs} runs: {lastFailure}");
    }

    /// <summary>How one run ended; <paramref name="Final"/> when no further run may follow (a timeout, a disk overrun).</summary>
    private sealed record RunEnd(RunVerdict Verdict, string Reason, bool Final = false);

    private static async Task<RunEnd> RunOnceAsync(ContainerLease lease, IcTaskSpec spec, IReadOnlyList<string> command, int run, CancellationToken cancellation)
    {
        await lease.ReleaseGateAsync(cancellation);
        await CopyHiddenTestsAsync(lease, spec, cancellation);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(spec.TimeoutSeconds));
        ExecResult result;
        try
        {
            result = await lease.ExecAsync(command, spec.Cwd, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return Failed($"timed out after {spec.TimeoutSeconds}s (test run {run})");
        }

        // Writing past the disk limit got the container killed: the model's doing, whatever the exit code says.
        if (!await lease.WithinDiskLimitAsync(cancellation))
            return Failed($"{lease.OverDiskReason} (test run {run})");

        // Only the harness's own observation of the container can make this ours; the exit code alone never does.
        var container = result.ExitCode == 0 ? ContainerAfterRun.Running : await ObserveAsync(lease, cancellation);
        var verdict = CommandExitPolicy.Decide(result.ExitCode, container);
        return new RunEnd(verdict, WithOutput(verdict.Reason, result.Output));
    }

    private static RunEnd Failed(string reason) => new(new RunVerdict(GradeOutcome.Failed, reason), reason, Final: true);

    private static async Task<ContainerAfterRun> ObserveAsync(ContainerLease lease, CancellationToken cancellation)
    {
        try
        {
            var state = (await lease.InspectAsync(cancellation)).State;
            return state.Running ? ContainerAfterRun.Running : state.OOMKilled ? ContainerAfterRun.OutOfMemory : ContainerAfterRun.Stopped;
        }
        catch (DockerContainerNotFoundException)
        {
            return ContainerAfterRun.Gone;
        }
    }

    private static string WithOutput(string reason, string output) => output.Length == 0 ? reason : $"{reason}: {ReasonText.Tail(output)}";

    private static async Task CopyHiddenTestsAsync(ContainerLease lease, IcTaskSpec spec, CancellationToken cancellation)
    {
        if (spec.HiddenTests is not { Count: > 0 } files)
            return;
        var staging = Directory.CreateTempSubdirectory("swelancer-hidden-").FullName;
        try
        {
            var mount = Path.Combine(staging, IcTaskSpec.HiddenTestsMount.TrimStart('/'));
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(mount, file.RelativePath));
                if (!path.StartsWith(mount + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new InfrastructureException($"hidden test path {file.RelativePath} leaves {IcTaskSpec.HiddenTestsMount}", retryable: false);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content, cancellation);
                if (file.Executable && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
            // A read-only root takes files only in its volumes, one of which is the mount; a writable one gets the folder made.
            if (lease.ReadOnlyRoot)
                await lease.CopyInAsync(mount, IcTaskSpec.HiddenTestsMount, cancellation);
            else
                await lease.CopyInAsync(staging, "/", cancellation);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
