using SweLancer.Domain.Scheduling;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Patching;
using SweLancer.GraderNode.Protocol;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// Grades ic_swe attempts in containers: policy check, fresh container, bug patch then the model's patch, then the
/// task's browser tests or test command. The model's faults (refused or non-applying patch, failing tests, timeouts)
/// are failures; ours (engine, image, browser) are system errors. The container is always destroyed.
/// </summary>
/// <param name="runs">How many test runs an attempt gets (confirming runs, browser reruns); null takes the defaults.</param>
public sealed class IcTaskRunner(ContainerPool pool, BrowserPool browsers, string artefactsDir, GnuPatch? patcher = null, ProtocolRunner? protocol = null,
    TestRunSettings? runs = null) : ITaskRunner
{
    private readonly TestRunSettings _runs = runs ?? TestRunSettings.Default;
    private readonly ProtocolRunner _protocol = protocol ?? new ProtocolRunner(pool, ProtocolSettings.Default, artefactsDir, runs);
    private readonly GnuPatch _patcher = patcher ?? new GnuPatch();
    private readonly BrowserTestRun _browserRun = new(browsers, artefactsDir);
    private readonly ResolvedCommands _commands = new();
    private readonly PristineTrees _pristine = new();

    // Sweeps take turns for this node's containers. Twice the slots may hold a turn, so a few attempts always wait in
    // the pool itself and it can pre-warm containers for them.
    private readonly FairTurns _turns = new(pool.Options.Slots * 2);

    public string Variant => TaskVariants.IcSwe;

    public ContainerPool Pool => pool;

    public BrowserPool Browsers => browsers;

    /// <summary>The test commands this runner resolved, kept per image.</summary>
    public ResolvedCommands Commands => _commands;

    /// <summary>The app's folders as each image and bug patch make them, kept for later attempts.</summary>
    public PristineTrees Pristine => _pristine;

    public async Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation)
    {
        var spec = task.Ic;
        if (spec?.Runner == IcRunnerKinds.SweLancer)
            return await _protocol.GradeAsync(task, submission, attempt, cancellation);
        if (spec?.Image is null)
            return GradeDecision.SystemError($"task {task.QuestionId} names no image to grade in", retryable: false);
        if (submission.OversizedPatchBytes is not null)
            return GradeDecision.Fail(submission.OversizedReason());
        var patch = submission.ModelPatch ?? "";
        if (string.IsNullOrWhiteSpace(patch))
            return GradeDecision.Fail("no model_patch in the submission");

        try
        {
            // The image first: a task this node cannot run (e.g. a SWE-Lancer task without its image) is ours to report,
            // whatever the patch looks like.
            await pool.EnsureImageAsync(spec.Image, cancellation);
            if (PatchPolicy.AppFolders(spec).Count == 0)
                return GradeDecision.SystemError($"task {task.QuestionId} names neither acceptable_folders nor a cwd, so no patch may go anywhere", retryable: false);
            var verdict = PatchPolicy.Check(patch, spec);
            if (!verdict.Allowed)
                return GradeDecision.Fail(verdict.Reason);

            using var turn = await _turns.EnterAsync(attempt.SweepId, cancellation);
            var folders = PatchedWorkspace.InstallFoldersOf(spec);
            // The command runner's tests run inside the container: it needs no network at all.
            var offline = spec.Runner == IcRunnerKinds.Command;
            await using var lease = await pool.LeaseAsync(spec.Image, attempt.SweepId, folders, cancellation, offline);
            lease.ChargeTo(attempt.Meter);
            pool.Prewarm(spec.Image, attempt.SweepId, folders, offline: offline); // the next attempt most likely needs the same

            if (spec.Runner == IcRunnerKinds.Command && spec.TestCommand is not { Count: > 0 })
                return GradeDecision.SystemError($"task {task.QuestionId} has no test_command for the command runner", retryable: false);
            if (spec.Runner == IcRunnerKinds.Browser && (spec.ServePort is null || spec.BrowserTests is not { Count: > 0 }))
                return GradeDecision.SystemError($"task {task.QuestionId} lacks serve_port or browser_tests for the browser runner", retryable: false);

            // Resolved in a container as the image made it, before the patch is installed, once per image content (later runs
            // and attempts reuse it).
            var command = spec.Runner == IcRunnerKinds.Command ? await _commands.ResolveAsync(lease, spec, cancellation) : null;
            using var workspace = await PatchedWorkspace.PrepareAsync(lease, spec, verdict, _patcher, cancellation, _pristine);
            await workspace.InstallAsync(lease, cancellation);

            GradeDecision decision;
            using (var run = SweLancerTelemetry.Source.StartActivity("test.run"))
            {
                run?.SetTag("swelancer.test.runner", spec.Runner);
                try
                {
                    decision = spec.Runner == IcRunnerKinds.Browser
                        ? await BrowserTestRuns.RunAsync(_browserRun, pool, lease, workspace, folders, task, attempt, _runs, cancellation)
                        : await CommandTestRun.RunAsync(pool, lease, workspace, folders, task, command!, attempt, _runs, cancellation);
                }
                catch (Exception ex) when (run.RecordFailure(ex))
                {
                    throw; // not reached: the filter records and declines
                }
                run?.SetTag(TelemetryTags.Outcome, Messages.Events.OutcomeNames.Of(decision.Outcome));
            }
            return workspace.NeededFuzz && decision.Outcome == Messages.Events.GradeOutcome.Passed
                ? decision with { Reason = decision.Reason + " (patch applied with fuzz)" }
                : decision;
        }
        catch (ModelFailureException ex)
        {
            return GradeDecision.Fail(ex.Message);
        }
        catch (Exception ex) when (InfrastructureFailure.IsOurs(ex, cancellation))
        {
            return InfrastructureFailure.Decide(ex);
        }
    }
}
