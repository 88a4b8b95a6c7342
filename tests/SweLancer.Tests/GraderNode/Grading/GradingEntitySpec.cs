using Akka.Actor;
using Akka.Cluster.Sharding;
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
        var entity = Sys.ActorOf(GradingEntity.Props(new TaskGrader([runner]), new RecentAnswers()));
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
    public void An_entity_asks_to_be_passivated_once_it_has_answered()
    {
        var runner = new GatedRunner();
        runner.Gate.SetResult();
        var sweep = CreateTestProbe();
        var grader = new TaskGrader([runner]);
        var shard = Sys.ActorOf(Props.Create(() => new ShardStandIn(grader, new RecentAnswers(), TestActor)));

        shard.Tell(new GradeTask("s3", TestData.Ic("ic-3", 250m), 1, Patch("ic-3"), 1), sweep.Ref);

        sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10));
        ExpectMsg<Passivated>(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_copy_resent_after_the_entity_was_passivated_gets_the_first_answer_instead_of_a_second_grading()
    {
        var runner = new GatedRunner();
        runner.Gate.SetResult();
        var sweep = CreateTestProbe();
        var grader = new TaskGrader([runner]);
        var shard = Sys.ActorOf(Props.Create(() => new ShardStandIn(grader, new RecentAnswers(), TestActor)));
        var task = TestData.Ic("ic-2", 500m);

        shard.Tell(new GradeTask("s2", task, 1, Patch("ic-2"), 1), sweep.Ref);
        var first = sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10));
        ExpectMsg<Passivated>(TimeSpan.FromSeconds(10));
        shard.Tell(new GradeTask("s2", task, 1, Patch("ic-2"), 2), sweep.Ref);
        var second = sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10));

        Assert.Equal(first, second);
        Assert.Equal(1, runner.Gradings);
        Assert.Equal(2, ShardStandIn.Incarnations(shard));
    }

    [Fact]
    public void A_copy_resent_after_a_retryable_system_error_is_graded_again()
    {
        var runner = new GatedRunner { FailFirst = true };
        runner.Gate.SetResult();
        var sweep = CreateTestProbe();
        var grader = new TaskGrader([runner]);
        var shard = Sys.ActorOf(Props.Create(() => new ShardStandIn(grader, new RecentAnswers(), TestActor)));
        var task = TestData.Ic("ic-4", 700m);

        shard.Tell(new GradeTask("s4", task, 1, Patch("ic-4"), 1), sweep.Ref);
        Assert.Equal(GradeOutcome.SystemError, sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10)).Outcome);
        ExpectMsg<Passivated>(TimeSpan.FromSeconds(10));
        shard.Tell(new GradeTask("s4", task, 1, Patch("ic-4"), 2), sweep.Ref);

        Assert.Equal(GradeOutcome.Passed, sweep.ExpectMsg<TaskGraded>(TimeSpan.FromSeconds(10)).Outcome);
        Assert.Equal(2, runner.Gradings);
    }

    private sealed record Passivated;

    private sealed record CountIncarnations;

    /// <summary>What a shard does for one entity id: starts the entity when a command comes and none is alive, and stops
    /// it with the message it gave on Passivate. Like a shard, it holds commands that come while the entity is stopping
    /// and gives them to the next incarnation: forwarded to the stopping one, they would die behind its stop message.</summary>
    private sealed class ShardStandIn : ReceiveActor
    {
        private readonly List<(GradeTask Command, IActorRef Sender)> _held = [];
        private IActorRef? _entity;
        private bool _stopping;
        private int _incarnations;

        public ShardStandIn(TaskGrader grader, RecentAnswers answers, IActorRef observer)
        {
            Receive<GradeTask>(command =>
            {
                if (_stopping)
                {
                    _held.Add((command, Sender));
                    return;
                }

                if (_entity is null)
                {
                    _entity = Context.ActorOf(GradingEntity.Props(grader, answers), $"entity-{++_incarnations}");
                    Context.Watch(_entity);
                }
                _entity.Forward(command);
            });
            Receive<Passivate>(passivate =>
            {
                _stopping = true;
                Sender.Tell(passivate.StopMessage);
                observer.Tell(new Passivated());
            });
            Receive<Terminated>(terminated =>
            {
                if (!terminated.ActorRef.Equals(_entity))
                    return;
                (_entity, _stopping) = (null, false);
                foreach (var (command, sender) in _held)
                    Self.Tell(command, sender);
                _held.Clear();
            });
            Receive<CountIncarnations>(_ => Sender.Tell(_incarnations));
        }

        public static int Incarnations(IActorRef shard) =>
            shard.Ask<int>(new CountIncarnations(), TimeSpan.FromSeconds(3)).GetAwaiter().GetResult();
    }

    /// <summary>An IC runner that waits for its gate, then yields once more before it passes: the await a stopped actor would lose.</summary>
    private sealed class GatedRunner : ITaskRunner
    {
        private int _gradings;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool RanToTheEnd { get; private set; }

        public int Gradings => _gradings;

        /// <summary>Answers the first grading with a retryable system error.</summary>
        public bool FailFirst { get; init; }

        public string Variant => TaskVariants.IcSwe;

        public async Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation)
        {
            var grading = Interlocked.Increment(ref _gradings);
            Started.TrySetResult();
            if (FailFirst && grading == 1)
                return GradeDecision.SystemError("engine hiccup", retryable: true);
            await Gate.Task;
            await Task.Yield();
            RanToTheEnd = true;
            return GradeDecision.Pass(task.PriceUsd, "gated pass");
        }
    }
}
