using System.Text.Json;
using SweLancer.Domain.Import;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.IntegrationTests.Containers;

/// <summary>Grades sample tasks end to end on the real engine and real Chromium: gold patches pass, the buggy state fails.</summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class SampleTasksGradingSpec : IAsyncLifetime
{
    private readonly string _nodeId = "sample-spec-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _artefacts = Directory.CreateTempSubdirectory("swelancer-artefacts-").FullName;
    private ContainerPool _pool = null!;
    private BrowserPool _browsers = null!;
    private IcTaskRunner _runner = null!;
    private Dictionary<string, TaskDefinition> _tasks = null!;

    // Leaves the bug in place: a harmless new file inside the acceptable folder.
    private const string NoFix = "--- /dev/null\n+++ b/srv/app/notes.txt\n@@ -0,0 +1 @@\n+nothing fixed\n";

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
        _runner.GradeAsync(_tasks[questionId], new Submission(questionId, 1, null, patch, null), new AttemptContext("sample-spec", 1), Ct);

    private static string MixedAnswer(string questionId)
    {
        foreach (var line in File.ReadLines(Path.Combine(SamplePool.Folder, "submissions", "mixed.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("question_id").GetString() == questionId)
                return doc.RootElement.GetProperty("model_patch").GetString()!;
        }
        throw new InvalidOperationException($"no mixed answer for {questionId}");
    }

    [Theory]
    [InlineData("fa-101")]
    [InlineData("fa-102")]
    [InlineData("fa-110")]
    public async Task Browser_task_passes_with_its_gold_patch(string questionId)
    {
        var decision = await GradeAsync(questionId, _tasks[questionId].Ic!.GoldPatch!);
        Assert.True(decision.Outcome == GradeOutcome.Passed, decision.Reason);
        Assert.Equal(_tasks[questionId].PriceUsd, decision.EarnedUsd);
    }

    [Fact]
    public async Task Browser_task_fails_in_its_buggy_state_with_a_screenshot_and_a_trace()
    {
        var decision = await GradeAsync("fa-102", NoFix);
        Assert.True(decision.Outcome == GradeOutcome.Failed, decision.Reason);
        Assert.StartsWith("browser test 'approve acts on its own row' failed at step", decision.Reason);
        Assert.NotNull(decision.Artefacts);
        Assert.Contains(decision.Artefacts, a => a.EndsWith(".png") && new FileInfo(a).Length > 0);
        Assert.Contains(decision.Artefacts, a => a.EndsWith(".trace.zip") && new FileInfo(a).Length > 0);
    }

    [Fact]
    public async Task A_fix_in_one_attempt_does_not_reach_the_next_through_the_kept_app_tree()
    {
        // The attack: the runner keeps the app's folders per image and bug patch, and copies them for every attempt. Were
        // an attempt's own patch kept with them, the next attempt would be graded on the earlier one's fix.
        var fixedFirst = await GradeAsync("fa-303", _tasks["fa-303"].Ic!.GoldPatch!);
        Assert.True(fixedFirst.Outcome == GradeOutcome.Passed, fixedFirst.Reason);
        var unfixedNext = await GradeAsync("fa-303", NoFix);
        Assert.True(unfixedNext.Outcome == GradeOutcome.Failed, unfixedNext.Reason);

        // Both came from one kept tree and one resolution of the test command: the second attempt did use what was kept.
        Assert.Equal(1, _runner.Pristine.Kept);
        Assert.Equal(1, _runner.Commands.Resolutions);
        var fixedAgain = await GradeAsync("fa-303", _tasks["fa-303"].Ic!.GoldPatch!);
        Assert.True(fixedAgain.Outcome == GradeOutcome.Passed, fixedAgain.Reason);
        Assert.Equal(1, _runner.Pristine.Kept);
    }

    [Fact]
    public async Task Command_task_passes_with_its_gold_patch_and_fails_in_its_buggy_state()
    {
        var gold = await GradeAsync("fa-301", _tasks["fa-301"].Ic!.GoldPatch!);
        Assert.True(gold.Outcome == GradeOutcome.Passed, gold.Reason);

        var buggy = await GradeAsync("fa-301", NoFix);
        Assert.True(buggy.Outcome == GradeOutcome.Failed, buggy.Reason);
        Assert.StartsWith($"hidden tests failed in {CommandTestRun.MaxRuns} runs: ", buggy.Reason);
    }

    [Fact]
    public async Task A_patch_that_edits_the_hidden_tests_is_refused_without_running()
    {
        var decision = await GradeAsync("fa-302", MixedAnswer("fa-302"));
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Contains("patch rejected: hidden-tests/test.sh", decision.Reason);
    }

    [Fact]
    public async Task A_patch_that_does_not_apply_is_the_models_failure()
    {
        var decision = await GradeAsync("fa-101", "--- a/srv/app/js/pages/reports.js\n+++ b/srv/app/js/pages/reports.js\n@@ -1,3 +1,3 @@\n-no such line\n+x\n-nor this\n+y\n-nor that\n+z\n");
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.StartsWith("patch does not apply: ", decision.Reason);
    }
}
