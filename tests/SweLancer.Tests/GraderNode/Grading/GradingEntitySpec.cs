using Akka.Configuration;
using Akka.TestKit.Xunit;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

// TestKit's expectations carry their own timeouts; threading the test's token through each adds nothing.
#pragma warning disable xUnit1051

namespace SweLancer.Tests.GraderNode.Grading;

public sealed class GradingEntitySpec() : TestKit(ConfigurationFactory.ParseString(SerializationConfig.Hocon + """

    akka.actor.provider = cluster
    akka.remote.dot-netty.tcp.hostname = 127.0.0.1
    akka.remote.dot-netty.tcp.port = 0
    akka.loglevel = WARNING
    """))
{
    [Fact]
    public async Task An_entity_stopped_mid_grading_still_finishes_the_grading_and_answers()
    {
        // Sharding stops an entity whose hand-off outlasts handoff-timeout. The grading it started must still run to its
        // end (that is where a container and a turn are given back) and answer the sweep.
        var runner = new GatedRunner();
        var sweep = CreateTestProbe();
        var entity = Sys.ActorOf(GradingEntity.Props(new TaskGrader([runner])));
        Watch(entity);
        entity.Tell(new GradeTask("s1", TestData.Ic("ic-1", 1000m), 1, Patch("ic-1"), 1), sweep.Ref);
        await runner.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Sys.Stop(entity);
        ExpectTerminated(entity);
        runner.Gate.SetResult();

        var answer = sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10));
        Assert.Equal(("ic-1", GradeOutcome.Passed), (answer.QuestionId, answer.Outcome));
        Assert.True(runner.RanToTheEnd, "the grading stopped at its first await once the entity was stopped");
    }

    [Fact]
    public void A_resent_copy_gets_the_first_answer_instead_of_a_second_grading()
    {
        var runner = new GatedRunner();
        runner.Gate.SetResult();
        var sweep = CreateTestProbe();
        var entity = Sys.ActorOf(GradingEntity.Props(new TaskGrader([runner])));
        var task = TestData.Ic("ic-2", 500m);

        entity.Tell(new GradeTask("s2", task, 1, Patch("ic-2"), 1), sweep.Ref);
        var first = sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10));
        entity.Tell(new GradeTask("s2", task, 1, Patch("ic-2"), 2), sweep.Ref);
        var second = sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10));

        Assert.Equal(first, second);
        Assert.Equal(1, runner.Gradings);
    }

    /// <summary>An IC runner that waits for its gate, then yields once more before it passes: the await a stopped actor would lose.</summary>
    private sealed class GatedRunner : ITaskRunner
    {
        private int _gradings;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool RanToTheEnd { get; private set; }

        public int Gradings => _gradings;

        public string Variant => TaskVariants.IcSwe;

        public async Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation)
        {
            Interlocked.Increment(ref _gradings);
            Started.TrySetResult();
            await Gate.Task;
            await Task.Yield();
            RanToTheEnd = true;
            return GradeDecision.Pass(task.PriceUsd, "gated pass");
        }
    }
}
