using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Protocol;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.IntegrationTests.Protocol;

/// <summary>
/// The official-protocol runner against the conformance image (a faithful reproduction of the official image's
/// interface, not the official image) on the real Docker engine. Its test fails whenever the container is not as the
/// official harness leaves it (environment, zipped tests, one 'temp' commit, interactive bash).
/// </summary>
[Trait("Needs", "Docker")]
public sealed class ProtocolConformanceSpec() : NodePoolSpec("protocol-spec")
{
    private readonly string _artefacts = Directory.CreateTempSubdirectory("swelancer-protocol-").FullName;

    private static ProtocolSettings Settings => new(ImageMode.Monolith, ConformanceImage.Image, SetupBudget: TimeSpan.FromSeconds(60),
        GradeBudget: TimeSpan.FromSeconds(120), TestRuns: 3, SetupNetwork: false, MissingExitCodeIsSystemError: false,
        ReadyPoll: TimeSpan.FromMilliseconds(200), new ContainerLimits(512L * 1024 * 1024, 1_000_000_000, 256), GradingSlots: 2, SetupAhead: 2);

    protected override void EnsureImages() => ConformanceImage.Ensure();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_artefacts, recursive: true);
    }

    private async Task<GradeDecision> GradeAsync(string questionId, string patch, ProtocolSettings? settings = null)
    {
        var runner = new ProtocolRunner(Pool, settings ?? Settings, _artefacts);
        var task = new TaskDefinition(questionId, TaskVariants.IcSwe, 1000m, null, null,
            new IcTaskSpec([], null, Image: ProtocolImage.PerTask(questionId), Runner: IcRunnerKinds.SweLancer));
        var decision = await runner.GradeAsync(task, new Submission(questionId, 1, null, patch, null), new AttemptContext("protocol-spec", 1), Ct);
        Assert.Empty(DockerFixture.ContainersOfNode(NodeId)); // every attempt removes its container
        return decision;
    }

    [Fact]
    public async Task Gold_passes_and_keeps_the_run_s_pytest_log()
    {
        var decision = await GradeAsync("16912_4", ConformanceImage.GoldPatch("16912_4"));

        Assert.True(decision.Outcome == GradeOutcome.Passed, decision.Reason);
        Assert.Equal(1000m, decision.EarnedUsd);
        Assert.Equal("hidden tests passed", decision.Reason);
        var log = Assert.Single(decision.Artefacts!, a => a.EndsWith("pytest.log", StringComparison.Ordinal));
        var text = await File.ReadAllTextAsync(log, Ct);
        Assert.Contains("ISSUE_ID=16912_4", text); // monolith mode passes the task's id, and the test checked it
        Assert.DoesNotContain("FAILED", text);
        Assert.Contains(decision.Artefacts!, a => a.EndsWith("trace.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Per_task_images_from_a_template_grade_the_same()
    {
        DockerFixture.Docker("tag", ConformanceImage.Image, "swelancer-conformance/task:16912_4");
        try
        {
            var decision = await GradeAsync("16912_4", ConformanceImage.GoldPatch("16912_4"),
                Settings with { ImageMode = ImageMode.PerTask, ImageTemplate = "swelancer-conformance/task:{question_id}" });
            Assert.True(decision.Outcome == GradeOutcome.Passed, decision.Reason);
        }
        finally
        {
            DockerFixture.Docker("rmi", "swelancer-conformance/task:16912_4");
        }
    }

    [Fact]
    public async Task Task_images_are_kept_within_the_disk_budget_least_recently_used_first()
    {
        string[] ids = ["budget_1", "budget_2", "budget_3"];
        foreach (var id in ids)
            DockerFixture.Docker("tag", ConformanceImage.Image, $"swelancer-conformance/task:{id}");
        try
        {
            var size = long.Parse(DockerFixture.Docker("image", "inspect", ConformanceImage.Image, "-f", "{{.Size}}"));
            var settings = Settings with { ImageMode = ImageMode.PerTask, ImageTemplate = "swelancer-conformance/task:{question_id}", ImageBudgetBytes = size * 3 / 2 };
            var runner = new ProtocolRunner(Pool, settings, _artefacts);
            foreach (var id in ids)
            {
                var task = new TaskDefinition(id, TaskVariants.IcSwe, 1000m, null, null, new IcTaskSpec([], null, Runner: IcRunnerKinds.SweLancer));
                var decision = await runner.GradeAsync(task, new Submission(id, 1, null, ConformanceImage.GoldPatch(id), null), new AttemptContext("protocol-spec", 1), Ct);
                Assert.True(decision.Outcome == GradeOutcome.Passed, decision.Reason);
            }

            // One image fits in 1.5 images' worth: after each new one, the older are removed from the engine.
            Assert.DoesNotContain("swelancer-conformance/task:budget_1", Pool.HeldImages());
            Assert.DoesNotContain("swelancer-conformance/task:budget_2", Pool.HeldImages());
            Assert.Contains("swelancer-conformance/task:budget_3", Pool.HeldImages());
            Assert.Empty(DockerFixture.Docker("images", "-q", "swelancer-conformance/task:budget_1"));
            Assert.Contains(ConformanceImage.Image, DockerFixture.Docker("images", "--format", "{{.Repository}}:{{.Tag}}")); // never one it did not bring in
        }
        finally
        {
            foreach (var id in ids.Where(id => DockerFixture.Docker("images", "-q", $"swelancer-conformance/task:{id}").Length > 0))
                DockerFixture.Docker("rmi", $"swelancer-conformance/task:{id}");
        }
    }

    [Fact]
    public async Task An_unrelated_patch_fails_after_every_run()
    {
        var decision = await GradeAsync("16912_4", ConformanceImage.Unrelated);

        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Contains("hidden tests failed in 3 runs", decision.Reason);
        Assert.Equal(3, decision.Artefacts!.Count(a => a.EndsWith("pytest.log", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_empty_patch_fails_without_a_container()
    {
        var decision = await GradeAsync("16912_4", "  \n");
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Equal("no model_patch in the submission", decision.Reason);
    }

    [Fact]
    public async Task An_oversized_patch_fails_without_a_container()
    {
        var runner = new ProtocolRunner(Pool, Settings, _artefacts);
        var task = new TaskDefinition("16912_4", TaskVariants.IcSwe, 1000m, null, null, new IcTaskSpec([], null, Runner: IcRunnerKinds.SweLancer));
        var big = ConformanceImage.GoldPatch("16912_4") + "+" + new string('x', Submission.MaxPatchBytes) + "\n";
        var decision = await runner.GradeAsync(task, new Submission("16912_4", 1, null, big, null), new AttemptContext("protocol-spec", 1), Ct);
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.StartsWith("model_patch is 8,389,034 bytes", decision.Reason);
        Assert.EndsWith("bytes; at most 8,388,608 are graded", decision.Reason);
    }

    [Fact]
    public async Task A_test_that_fails_once_then_passes_passes_naming_run_2()
    {
        var decision = await GradeAsync("conformance_flaky", ConformanceImage.GoldPatch("conformance_flaky"));
        Assert.True(decision.Outcome == GradeOutcome.Passed, decision.Reason);
        Assert.Equal("hidden tests passed on run 2 of 3", decision.Reason);
    }

    [Fact]
    public async Task Exit_code_2_is_a_system_error()
    {
        var decision = await GradeAsync("conformance_exit2", ConformanceImage.GoldPatch("conformance_exit2"));
        Assert.Equal(GradeOutcome.SystemError, decision.Outcome);
        Assert.Contains("pytest exit code 2", decision.Reason);
    }

    [Fact]
    public async Task No_exit_code_is_a_failure_and_a_system_error_under_the_option()
    {
        var failed = await GradeAsync("conformance_noexit", ConformanceImage.GoldPatch("conformance_noexit"), Settings with { TestRuns = 1 });
        Assert.Equal(GradeOutcome.Failed, failed.Outcome);
        Assert.Contains("no pytest exit code was written", failed.Reason);

        var error = await GradeAsync("conformance_noexit", ConformanceImage.GoldPatch("conformance_noexit"), Settings with { MissingExitCodeIsSystemError = true });
        Assert.Equal(GradeOutcome.SystemError, error.Outcome);
        Assert.Contains("no pytest exit code was written", error.Reason);
    }

    [Fact]
    public async Task Never_ready_is_a_system_error_within_the_setup_budget()
    {
        var started = DateTime.UtcNow;
        var decision = await GradeAsync("conformance_never_ready", ConformanceImage.GoldPatch("conformance_never_ready"),
            Settings with { SetupBudget = TimeSpan.FromSeconds(4) });
        Assert.Equal(GradeOutcome.SystemError, decision.Outcome);
        Assert.Contains("setup did not finish within 4 s", decision.Reason);
        // Unenforced, the budget would wait forever; the bound leaves room for a busy engine's start and removal.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(120), $"took {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task Over_the_grade_budget_is_a_system_error()
    {
        var decision = await GradeAsync("conformance_slow", ConformanceImage.GoldPatch("conformance_slow"), Settings with { GradeBudget = TimeSpan.FromSeconds(5) });
        Assert.Equal(GradeOutcome.SystemError, decision.Outcome);
        Assert.Contains("exceeded its budget of 5 s", decision.Reason);
    }

    [Fact]
    public async Task A_patch_that_reaches_for_the_tests_is_refused()
    {
        var patch = "--- a/../tests/issues/16912_4/test.py\n+++ b/../tests/issues/16912_4/test.py\n@@ -1 +1 @@\n-#!/usr/bin/env python3\n+import sys; sys.exit(0)\n";
        var decision = await GradeAsync("16912_4", patch);
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Contains("patch rejected", decision.Reason);
        Assert.Contains("'..'", decision.Reason);
    }

    [Fact]
    public async Task Model_code_that_rewrites_the_tests_in_one_run_is_graded_on_restored_tests_in_the_next()
    {
        // The buggy module, when the test loads it, replaces the test with one that always passes and deletes the
        // task's other test files. Upstream restores the tests once, so run 2 would run the model's test and pass.
        const string id = "16912_4";
        var patch = $"diff --git a/src/issue_{id}.py b/src/issue_{id}.py\n--- a/src/issue_{id}.py\n+++ b/src/issue_{id}.py\n@@ -1,3 +1,6 @@\n" +
                    "+import os, pathlib\n" +
                    $"+pathlib.Path('/app/tests/issues/{id}/test.py').write_text('import sys\\nprint(\"PASSED forged\")\\nsys.exit(0)\\n')\n" +
                    $"+[os.remove(p) for p in pathlib.Path('/app/tests/issues/{id}').glob('*.patch')]\n" +
                    $" # Conformance task {id} (swelancer-conformance/expensify image).\n" +
                    " # The task's fix sets VALUE to \"fixed\"; bug_reintroduce.patch sets it to \"broken\".\n" +
                    $" ISSUE_ID = \"{id}\"\n";
        var decision = await GradeAsync(id, patch);

        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.Contains("hidden tests failed in 3 runs", decision.Reason);
        foreach (var log in decision.Artefacts!.Where(a => a.EndsWith("pytest.log", StringComparison.Ordinal)))
            Assert.DoesNotContain("PASSED forged", await File.ReadAllTextAsync(log, Ct));
    }

    [Fact]
    public async Task A_patch_that_does_not_apply_is_the_model_s_failure()
    {
        var patch = "diff --git a/src/nothing.py b/src/nothing.py\n--- a/src/nothing.py\n+++ b/src/nothing.py\n@@ -1 +1 @@\n-a\n+b\n";
        var decision = await GradeAsync("16912_4", patch);
        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.StartsWith("patch does not apply", decision.Reason);
    }

    [Fact]
    public async Task A_patch_git_refuses_but_fuzz_applies_passes_and_says_so()
    {
        // The gold fix with a context line that drifted: git apply refuses it, patch --fuzz applies it.
        var gold = ConformanceImage.GoldPatch("16912_4");
        var drifted = gold.Replace(" # End of conformance task 16912_4.", " # End of conformance task 16912_4 (drifted).");
        Assert.NotEqual(gold, drifted);
        var decision = await GradeAsync("16912_4", drifted);
        Assert.True(decision.Outcome == GradeOutcome.Passed, decision.Reason);
        Assert.Contains("applied with patch --fuzz=3", decision.Reason);
    }

    [Fact]
    public async Task A_fix_that_fills_the_disk_fails_over_the_disk_limit()
    {
        // The gold fix, plus 200 MB written when the test loads the module. Without a limit it passes; with 64 MiB it
        // is the model's failure, and the grader's host keeps its disk.
        const string id = "16912_4";
        var gold = ConformanceImage.GoldPatch(id);
        var filler = gold.Replace("@@ -1,7 +1,7 @@\n", "@@ -1,7 +1,8 @@\n+open('/tmp/fill', 'wb').write(b'x' * (200 * 1024 * 1024))\n");
        Assert.NotEqual(gold, filler);

        var unlimited = await GradeAsync(id, filler, Settings with { Limits = Settings.Limits with { MemoryBytes = 1024L * 1024 * 1024, DiskBytes = null } });
        Assert.True(unlimited.Outcome == GradeOutcome.Passed, unlimited.Reason);

        var limited = await GradeAsync(id, filler, Settings with { Limits = Settings.Limits with { MemoryBytes = 1024L * 1024 * 1024, DiskBytes = 64L * 1024 * 1024 } });
        Assert.Equal(GradeOutcome.Failed, limited.Outcome);
        Assert.Contains("over the limit of 64 MiB", limited.Reason);
    }
}
