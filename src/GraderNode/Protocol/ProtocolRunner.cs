using System.Text;
using SweLancer.Domain.Scheduling;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// Grades SWE-Lancer IC tasks as the official harness does (docs/swelancer-protocol.md): the task's image with its own
/// entrypoint, ready when /setup_done.txt reads done, tests zipped away, the app one clean commit, the model's diff
/// applied with git apply (fuzzy patch as a fallback), then up to n test runs through an interactive bash, decided by
/// pytest's exit code. Containers set up ahead of their grading turn (pre-warming), and each is always removed.
/// </summary>
public sealed class ProtocolRunner
{
    /// <summary>A run's logs folder (pytest.log, videos, traces) is kept up to this size.</summary>
    public const long MaxLogBytes = 256L * 1024 * 1024;

    private readonly ContainerPool _pool;
    private readonly ProtocolSettings _settings;
    private readonly string _artefactsDir;
    private readonly FairTurns _containers;
    private readonly FairTurns _grading;
    private readonly ImagePrefetch _prefetch;
    private readonly TestRunSettings _runs;

    /// <param name="runs">Whether all <see cref="ProtocolSettings.TestRuns"/> are made even after a pass; null: stop at the first pass.</param>
    public ProtocolRunner(ContainerPool pool, ProtocolSettings settings, string artefactsDir, TestRunSettings? runs = null)
    {
        _pool = pool;
        _settings = settings;
        _runs = runs ?? TestRunSettings.Default;
        _artefactsDir = artefactsDir;
        _containers = new FairTurns(settings.GradingSlots + settings.SetupAhead);
        _grading = new FairTurns(settings.GradingSlots);
        _prefetch = new ImagePrefetch(pool, settings.ImageBudgetBytes);
    }

    public ProtocolSettings Settings => _settings;

    public async Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation)
    {
        var id = task.QuestionId;
        if (!ProtocolScript.IsPlainId(id))
            return GradeDecision.SystemError($"question_id '{id}' is not a plain id (letters, digits, '_', '-'); the protocol puts it in shell commands", retryable: false);
        if (submission.OversizedPatchBytes is not null)
            return GradeDecision.Fail(submission.OversizedReason());
        var patch = submission.ModelPatch ?? "";
        if (string.IsNullOrWhiteSpace(patch))
            return GradeDecision.Fail("no model_patch in the submission");
        var patchBytes = Encoding.UTF8.GetBytes(patch);
        if (patchBytes.Length > Submission.MaxPatchBytes)
            return GradeDecision.Fail((submission with { OversizedPatchBytes = patchBytes.Length }).OversizedReason());
        if (ProtocolPatchCheck.Problem(patch) is { } problem)
            return GradeDecision.Fail($"patch rejected: {problem}");

        var image = ProtocolImage.For(id, _settings.ImageMode, _settings.ImageTemplate);
        _prefetch.Request(image); // pulled while this attempt waits for a container turn
        ContainerLease? active = null;
        try
        {
            using var containerTurn = await _containers.EnterAsync(attempt.SweepId, cancellation);
            using var imageInUse = await _prefetch.UseAsync(image, cancellation);
            await using var container = active = await StartReadyAsync(id, image, attempt, cancellation);
            await RunAsync(container, ProtocolScript.Prepare, "preparing the tests and the app", cancellation);

            using var gradingTurn = await _grading.EnterAsync(attempt.SweepId, cancellation);
            using var span = SweLancerTelemetry.Source.StartActivity("test.run");
            span?.SetTag("swelancer.test.runner", IcRunnerKinds.SweLancer);
            var applyNote = await ApplyAsync(container, patchBytes, cancellation);
            if (applyNote.Failure is not null)
                return GradeDecision.Fail(applyNote.Failure);
            return await GradeStepAsync(container, task, attempt, applyNote.Note, cancellation);
        }
        catch (Exception ex) when (active?.OverDiskReason is { } overDisk)
        {
            // The engine's errors after the kill are the consequence, not the cause.
            return GradeDecision.Fail(overDisk + $" ({ex.GetType().Name} once it was stopped)");
        }
        catch (Exception ex) when (InfrastructureFailure.IsOurs(ex, cancellation))
        {
            return InfrastructureFailure.Decide(ex);
        }
    }

    private async Task<ContainerLease> StartReadyAsync(string id, string image, AttemptContext attempt, CancellationToken cancellation)
    {
        var monolithSetupNetwork = _settings.ImageMode == ImageMode.Monolith && _settings.SetupNetwork;
        var network = monolithSetupNetwork ? await _pool.EnsureSetupNetworkAsync(cancellation) : ContainerPool.NoNetwork;
        var spec = new ContainerSpec(image, _settings.Limits, network,
            Environment: ProtocolEnvironment.For(id, _settings.ImageMode),
            WorkingDir: ProtocolScript.AppDir,
            CapAdd: ProtocolCapabilities.Needed);
        var container = await _pool.CreateAsync(spec, attempt.SweepId, cancellation);
        container.ChargeTo(attempt.Meter); // setting up counts: the container is held for this attempt from its start
        try
        {
            using (SweLancerTelemetry.Source.StartActivity("container.setup"))
                await new FileContentReadiness(ProtocolScript.SetupDoneFile, "done", _settings.SetupBudget, _settings.ReadyPoll).WaitAsync(container, cancellation);
            if (monolithSetupNetwork)
                await _pool.DisconnectAsync(container.Id, network, cancellation); // no route out once model code can run
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    /// <summary>A harness step: failing in a running container, the image is at fault (not retried); a container that
    /// stopped meanwhile (killed from outside, the engine restarted) is retried.</summary>
    private static async Task RunAsync(ContainerLease container, IReadOnlyList<string> command, string what, CancellationToken cancellation)
    {
        var result = await container.RunStepAsync(what, command, ProtocolScript.AppDir, cancellation);
        if (result.ExitCode == 0)
            return;
        // Killed by a signal: the harness's own commands are not, unless the container is being stopped from outside
        // (its state may not say so yet). Retried, not blamed on the image.
        if (result.ExitCode >= 128)
            throw new InfrastructureException($"{what} was killed (exit {result.ExitCode}) in {container.Image}", retryable: true);
        await ThrowIfStoppedAsync(container, what, cancellation);
        throw new InfrastructureException($"{what} failed in {container.Image} (exit {result.ExitCode}): {ReasonText.Tail(result.Output)}", retryable: false);
    }

    private static async Task ThrowIfStoppedAsync(ContainerLease container, string what, CancellationToken cancellation)
    {
        var state = (await container.InspectAsync(cancellation)).State;
        if (!state.Running)
            throw new InfrastructureException($"the container stopped during {what} (exit {state.ExitCode}{(state.OOMKilled ? ", out of memory" : "")})", retryable: true);
    }

    private async Task<(string? Note, string? Failure)> ApplyAsync(ContainerLease container, byte[] patch, CancellationToken cancellation)
    {
        using var span = SweLancerTelemetry.Source.StartActivity("patch.apply");
        await container.PutFileAsync(ProtocolScript.PatchFolder, ProtocolScript.PatchName, patch, cancellation);
        var git = await container.RunStepAsync("applying the patch with git apply", ProtocolScript.GitApply, ProtocolScript.AppDir, cancellation);
        if (git.ExitCode == 0)
            return (null, null);
        var fuzzy = await container.RunStepAsync("applying the patch with patch --fuzz=3", ProtocolScript.FuzzyApply, ProtocolScript.AppDir, cancellation);
        span?.SetTag("swelancer.patch.fuzz", true);
        if (fuzzy.ExitCode == 0)
            return ($"git apply refused the patch ({ReasonText.OneLine(git.Output, 600)}); applied with patch --fuzz=3", null);
        // Only a patch refused in a live container is the model's: a container stopped from outside is retried.
        if (git.ExitCode >= 128 || fuzzy.ExitCode >= 128)
            throw new InfrastructureException($"applying the patch was killed (exit {Math.Max(git.ExitCode, fuzzy.ExitCode)})", retryable: true);
        await ThrowIfStoppedAsync(container, "applying the patch", cancellation);
        span?.SetTag("swelancer.patch.applied", false);
        return (null, $"patch does not apply: git apply: {ReasonText.OneLine(git.Output, 600)}; patch: {ReasonText.OneLine(fuzzy.Output, 600)}");
    }

    private async Task<GradeDecision> GradeStepAsync(ContainerLease container, TaskDefinition task, AttemptContext attempt, string? applyNote, CancellationToken cancellation)
    {
        var id = task.QuestionId;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(_settings.GradeBudget);
        var artefacts = new List<string>();
        var runs = new RunSeries(_settings.TestRuns, _runs, attempt.Meter);
        try
        {
            for (var run = 1; run <= _settings.TestRuns; run++)
            {
                // Restored before every run (upstream: once): code run by an earlier run cannot rewrite a later run's tests.
                await RunAsync(container, ProtocolScript.RestoreTests, "restoring the tests", budget.Token);
                await RunAsync(container, ProtocolScript.ClearLogs(id), "clearing the logs", budget.Token);
                await container.ExecAsync(ProtocolScript.RunTests(id), ProtocolScript.AppDir, budget.Token);
                if (!await container.WithinDiskLimitAsync(budget.Token))
                    return EndedByModel(runs, container.OverDiskReason!, task.PriceUsd, applyNote, artefacts);
                // A missing exit code must not be read from a dead container. Out of memory while the model's code ran is its
                // doing; any other stop (killed from outside, the engine restarted) is ours and retried.
                var state = (await container.InspectAsync(budget.Token)).State;
                if (!state.Running && state.OOMKilled)
                    return EndedByModel(runs, $"the container ran out of memory ({_settings.Limits.MemoryBytes / (1024 * 1024):N0} MiB) during test run {run}", task.PriceUsd, applyNote, artefacts);
                await ThrowIfStoppedAsync(container, $"test run {run}", budget.Token);
                var read = await container.RunStepAsync("reading the pytest exit code", ProtocolScript.ReadExitCode(id), ProtocolScript.AppDir, budget.Token);
                var exitCode = PytestExitCode.Parse(read.Stdout);
                artefacts.AddRange(await KeepLogsAsync(container, task, attempt, run, budget.Token));
                if (TestRunOutcomes.AfterRun(runs, exitCode, _settings.MissingExitCodeIsSystemError, task.PriceUsd, applyNote, artefacts) is { } decision)
                    return decision;
            }
            throw new InvalidOperationException("unreachable: the last run always decides");
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            return GradeDecision.SystemError($"the grade step exceeded its budget of {_settings.GradeBudget.TotalSeconds:0.#} s", retryable: true, artefacts);
        }
    }

    /// <summary>A run the model's code ended (out of disk or memory): a failed run, and the last; a pass before it (when confirming) still stands.</summary>
    private static GradeDecision EndedByModel(RunSeries runs, string reason, decimal priceUsd, string? applyNote, IReadOnlyList<string> artefacts)
    {
        runs.Record(Messages.Events.GradeOutcome.Failed);
        return runs.Passed
            ? GradeDecision.Pass(priceUsd, runs.PassReason + (applyNote is null ? "" : $" ({applyNote})")) with { Artefacts = artefacts }
            : GradeDecision.Fail(reason, artefacts);
    }

    /// <summary>Copies the run's logs folder (pytest.log, videos, traces) to the artefacts folder; lists the files kept.</summary>
    private async Task<IReadOnlyList<string>> KeepLogsAsync(ContainerLease container, TaskDefinition task, AttemptContext attempt, int run, CancellationToken cancellation)
    {
        var target = Path.Combine(ArtefactFolder.For(_artefactsDir, attempt, task.QuestionId), $"run-{run}");
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true); // a retried attempt replaces its predecessor's logs
        Directory.CreateDirectory(target);
        if (!await container.CopyOutCappedAsync(ProtocolScript.LogsDir(task.QuestionId), target, MaxLogBytes, cancellation))
            await File.WriteAllTextAsync(Path.Combine(target, "logs-not-kept.txt"), $"the logs folder exceeded {MaxLogBytes:N0} bytes and was not kept\n", cancellation);
        return Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
    }
}
