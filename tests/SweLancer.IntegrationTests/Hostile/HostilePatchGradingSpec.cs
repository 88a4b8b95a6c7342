using SweLancer.Domain.Import;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>
/// The attacks of issue 10 (holes 1 and 2) against the sample pool's command-runner tasks, graded on the real engine
/// with real GNU patch: each ends as the model's failure with a clear reason, never a pass and never a system error.
/// Before the fix the shadow shell "passed" all three tasks ($1,750) and the self-killing test was a system error.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class HostilePatchGradingSpec : IAsyncLifetime
{
    private readonly string _nodeId = "hostile-spec-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _artefacts = Directory.CreateTempSubdirectory("swelancer-artefacts-").FullName;
    private ContainerPool _pool = null!;
    private BrowserPool _browsers = null!;
    private IcTaskRunner _runner = null!;
    private Dictionary<string, TaskDefinition> _tasks = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        SamplePool.EnsureImage();
        _tasks = TaskManifestReader.Read(SamplePool.TasksJson).ToDictionary(t => t.QuestionId);
        _pool = await DockerFixture.StartPoolAsync(_nodeId);
        _browsers = new BrowserPool([_pool.GradingSubnet]);
        _runner = new IcTaskRunner(_pool, _browsers, _artefacts);
    }

    public async ValueTask DisposeAsync()
    {
        await _browsers.DisposeAsync();
        await _pool.DisposeAsync();
        Assert.Empty(DockerFixture.ContainersOfNode(_nodeId));
        Directory.Delete(_artefacts, recursive: true);
    }

    private Task<GradeDecision> GradeAsync(string questionId, string patch) =>
        _runner.GradeAsync(_tasks[questionId], new Submission(questionId, 1, null, patch, null), new AttemptContext("hostile-spec", 1), Ct);

    public static TheoryData<string> CommandTasks => ["fa-301", "fa-302", "fa-303"];

    [Theory]
    [MemberData(nameof(CommandTasks))]
    public async Task The_shadow_shell_in_a_context_format_section_fails_as_the_models_failure(string questionId)
    {
        var decision = await GradeAsync(questionId, HostilePatches.ShadowShellByContextHunk);
        Assert.True(decision.Outcome == GradeOutcome.Failed, $"{decision.Outcome}: {decision.Reason}");
        Assert.StartsWith("patch rejected: line 9: a context-format hunk", decision.Reason);
        Assert.Equal(0m, decision.EarnedUsd);
    }

    [Theory]
    [MemberData(nameof(CommandTasks))]
    public async Task The_shadow_shell_by_git_copy_fails_as_the_models_failure(string questionId)
    {
        var decision = await GradeAsync(questionId, HostilePatches.ShadowShellByCopy);
        Assert.True(decision.Outcome == GradeOutcome.Failed, $"{decision.Outcome}: {decision.Reason}");
        Assert.StartsWith("patch rejected: line 9: a git copy", decision.Reason);
    }

    [Fact]
    public async Task A_section_writing_into_the_hidden_tests_fails_as_the_models_failure()
    {
        var decision = await GradeAsync("fa-301", HostilePatches.HiddenTestsByContextHunk);
        Assert.True(decision.Outcome == GradeOutcome.Failed, $"{decision.Outcome}: {decision.Reason}");
        Assert.StartsWith("patch rejected: line 9: a context-format hunk", decision.Reason);
    }

    [Fact]
    public async Task A_patch_whose_code_kills_the_test_shell_is_the_models_failure_not_a_system_error()
    {
        var decision = await GradeAsync("fa-301", HostilePatches.KillTheTestShell);
        Assert.True(decision.Outcome == GradeOutcome.Failed, $"{decision.Outcome}: {decision.Reason}");
        Assert.Contains("test command exited with 137 (killed by signal 9, SIGKILL)", decision.Reason);
    }

    [Fact]
    public async Task A_program_resolved_for_one_task_is_checked_again_for_a_task_whose_folders_hold_it()
    {
        // The runner keeps a test command's resolution per image. The attack: a task of the same image whose folders, which
        // a patch may change, hold that program must still be refused, not served from what was kept for the first task.
        var task = _tasks["fa-301"];
        var first = await GradeAsync("fa-301", task.Ic!.GoldPatch!);
        Assert.True(first.Outcome == GradeOutcome.Passed, first.Reason);

        var widened = task with { Ic = task.Ic with { AcceptableFolders = [.. task.Ic.AcceptableFolders, "bin"] } };
        var decision = await _runner.GradeAsync(widened, new Submission("fa-301", 1, null, widened.Ic!.GoldPatch, null), new AttemptContext("hostile-spec", 1), Ct);

        Assert.True(decision.Outcome == GradeOutcome.SystemError, $"{decision.Outcome}: {decision.Reason}");
        Assert.Contains("inside the app's folder bin", decision.Reason);
        Assert.Equal(2, _runner.Commands.Resolutions);
    }

    [Theory]
    [InlineData("./cgi-bin/health", "is a path relative to the cwd")]
    [InlineData("/srv/app/cgi-bin/health", "is /srv/app/cgi-bin/health, inside the app's folder srv/app")]
    public async Task A_test_command_a_patch_could_replace_is_refused_as_a_task_error(string program, string reason)
    {
        var task = _tasks["fa-301"];
        var pinned = task with { Ic = task.Ic! with { TestCommand = [program] } };
        var decision = await _runner.GradeAsync(pinned, new Submission("fa-301", 1, null, pinned.Ic!.GoldPatch, null), new AttemptContext("hostile-spec", 1), Ct);
        Assert.True(decision.Outcome == GradeOutcome.SystemError, $"{decision.Outcome}: {decision.Reason}");
        Assert.False(decision.Retryable);
        Assert.Contains(reason, decision.Reason);
    }
}
