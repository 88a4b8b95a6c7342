using SweLancer.GraderNode.Bench;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.Tests.GraderNode.Bench;

/// <summary>The test-only hold runner: holds one of its slots per attempt, pulls an image it does not hold once, passes.</summary>
public sealed class HoldTaskRunnerSpec
{
    private static TaskDefinition Task(string id, string? image) =>
        new(id, TaskVariants.IcSwe, 250m, null, null, new IcTaskSpec(["app"], "/app", image));

    private static Submission Answer(string id) => new(id, 1, null, "--- a/app/x\n+++ b/app/x\n", null);

    private static Task<GradeDecision> Grade(HoldTaskRunner runner, string id, string? image) =>
        runner.GradeAsync(Task(id, image), Answer(id), AttemptContext.Unknown, CancellationToken.None);

    [Fact]
    public async Task Every_attempt_passes_and_its_reason_names_node_image_and_finish_time()
    {
        var runner = new HoldTaskRunner("n1", new BenchHoldSettings(TimeSpan.FromMilliseconds(1), 2, TimeSpan.Zero, 4));
        var decision = await Grade(runner, "t1", "img:1");
        Assert.Equal(GradeOutcome.Passed, decision.Outcome);
        Assert.Equal(250m, decision.EarnedUsd);
        Assert.Matches(@"^bench hold 1 ms node=n1 image=img:1 pull_ms=0 finished_unix_ms=\d+$", decision.Reason);
    }

    [Fact]
    public async Task No_more_attempts_hold_at_once_than_there_are_slots()
    {
        var runner = new HoldTaskRunner("n1", new BenchHoldSettings(TimeSpan.FromMilliseconds(200), 2, TimeSpan.Zero, 4));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 4).Select(i => Grade(runner, $"t{i}", null)));
        // Two waves of 200 ms: four attempts on two slots cannot finish in one hold.
        Assert.True(started.ElapsedMilliseconds >= 390, $"finished in {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task An_image_is_pulled_once_while_held_and_again_after_eviction()
    {
        var runner = new HoldTaskRunner("n1", new BenchHoldSettings(TimeSpan.Zero, 4, TimeSpan.FromMilliseconds(30), 1));
        var first = await System.Threading.Tasks.Task.WhenAll(Grade(runner, "t1", "a"), Grade(runner, "t2", "a"));
        Assert.Equal(1, runner.Pulls); // the second attempt waited on the first one's pull
        Assert.Single(first, d => !d.Reason.Contains("pull_ms=0 "));
        await Grade(runner, "t3", "b"); // evicts a (cache of one)
        await Grade(runner, "t4", "a");
        Assert.Equal(3, runner.Pulls);
    }

    [Fact]
    public async Task A_task_without_an_image_pulls_nothing()
    {
        var runner = new HoldTaskRunner("n1", new BenchHoldSettings(TimeSpan.Zero, 1, TimeSpan.FromSeconds(30), 1));
        await Grade(runner, "t1", null);
        Assert.Equal(0, runner.Pulls);
    }
}
