using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using Xunit;

// TestKit's expectations carry their own timeouts; threading the test's token through each adds nothing.
#pragma warning disable xUnit1051
using static SweLancer.Tests.TestData;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Tests.Coordinator.Sweeps;

/// <summary>The sweep actor's wiring on the in-memory journal: flow control, redelivery, once-only persistence, recovery.</summary>
public sealed class SweepActorSpec() : TestKit(ConfigurationFactory.ParseString(SerializationConfig.Hocon + """

    akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
    akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
    akka.loglevel = WARNING
    """))
{
    private static readonly DispatchPolicy FastPolicy = DispatchPolicy.Default with
    {
        MaxInFlight = 2,
        AnswerTimeout = TimeSpan.FromSeconds(1.5),
        FirstRetryDelay = TimeSpan.FromMilliseconds(100),
    };

    private static SweepPlan PlanOf(string sweepId, int tasks) =>
        SweepPlanner.Plan(sweepId, Enumerable.Range(1, tasks).Select(i => Manager($"m{i}", i * 100m)).ToList(),
            Enumerable.Range(1, tasks).Select(i => Choose($"m{i}", "2")).ToList());

    private static TaskGraded Answer(GradeTask task, GradeOutcome outcome, bool retryable = false) =>
        Graded(task.Task.QuestionId, outcome, task.Task.PriceUsd, task.Attempt, task.SweepId) with { Retryable = retryable };

    [Fact]
    public void Keeps_no_more_than_the_window_in_flight_and_refills_it_as_answers_arrive()
    {
        var graders = CreateTestProbe();
        var sweep = Sys.ActorOf(SweepActor.Props(PlanOf("w", 3), graders, FastPolicy));

        var first = graders.ExpectMsg<GradeTask>();
        var second = graders.ExpectMsg<GradeTask>();
        graders.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        sweep.Tell(Answer(first, GradeOutcome.Passed));
        Assert.Equal("m3", graders.ExpectMsg<GradeTask>().Task.QuestionId);
        Assert.Equal(["m1", "m2"], new[] { first.Task.QuestionId, second.Task.QuestionId });
    }

    [Fact]
    public async Task Redelivers_an_unanswered_attempt_after_the_timeout_and_counts_a_double_answer_once()
    {
        var graders = CreateTestProbe();
        var sweep = Sys.ActorOf(SweepActor.Props(PlanOf("r", 1), graders, FastPolicy));

        var lost = graders.ExpectMsg<GradeTask>();
        var again = graders.ExpectMsg<GradeTask>(TimeSpan.FromSeconds(5));
        Assert.Equal((lost.EntityId, 2), (again.EntityId, again.Delivery));

        sweep.Tell(Answer(lost, GradeOutcome.Passed));
        sweep.Tell(Answer(again, GradeOutcome.Failed));

        await AwaitAssertAsync(async () =>
        {
            var progress = await sweep.Ask<SweepProgress>(GetSweepProgress.Instance, TimeSpan.FromSeconds(3));
            Assert.Equal((1, 1, 1, 0, 100m), (progress.Total, progress.Graded, progress.Passed, progress.Failed, progress.EarnedUsd));
        });
    }

    [Fact]
    public async Task Retries_a_retryable_system_error_and_persists_only_the_final_answer()
    {
        var graders = CreateTestProbe();
        var sweep = Sys.ActorOf(SweepActor.Props(PlanOf("e", 1), graders, FastPolicy));

        var first = graders.ExpectMsg<GradeTask>();
        sweep.Tell(Answer(first, GradeOutcome.SystemError, retryable: true));
        var retry = graders.ExpectMsg<GradeTask>(TimeSpan.FromSeconds(3));
        Assert.Equal(2, retry.Delivery);
        sweep.Tell(Answer(retry, GradeOutcome.Passed));

        await AwaitAssertAsync(async () => Assert.Equal(1, (await sweep.Ask<SweepProgress>(GetSweepProgress.Instance, TimeSpan.FromSeconds(3))).Passed));
    }

    [Fact]
    public async Task After_a_restart_recovers_its_results_and_sends_only_what_was_not_graded()
    {
        var plan = PlanOf("restart", 3);
        var graders = CreateTestProbe();
        var sweep = Sys.ActorOf(SweepActor.Props(plan, graders, FastPolicy with { MaxInFlight = 3 }));
        var sent = new[] { graders.ExpectMsg<GradeTask>(), graders.ExpectMsg<GradeTask>(), graders.ExpectMsg<GradeTask>() };
        sweep.Tell(Answer(sent[1], GradeOutcome.Passed));
        await AwaitAssertAsync(async () => Assert.Equal(1, (await sweep.Ask<SweepProgress>(GetSweepProgress.Instance, TimeSpan.FromSeconds(3))).Graded));

        Watch(sweep);
        Sys.Stop(sweep);
        ExpectTerminated(sweep);
        var restarted = Sys.ActorOf(SweepActor.Props(plan, graders, FastPolicy with { MaxInFlight = 3 }));

        var status = await restarted.Ask<object>(GetSweepStatus.Instance, TimeSpan.FromSeconds(3));
        Assert.Equal(new SweepStarted("restart", 3, 1, Resumed: true), status);
        var resent = new[] { graders.ExpectMsg<GradeTask>(), graders.ExpectMsg<GradeTask>() };
        Assert.Equal(["m1", "m3"], resent.Select(t => t.Task.QuestionId).Order());
        graders.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Refuses_to_resume_with_a_changed_answer()
    {
        var graders = CreateTestProbe();
        var sweep = Sys.ActorOf(SweepActor.Props(PlanOf("changed", 1), graders, FastPolicy));
        graders.ExpectMsg<GradeTask>();
        Watch(sweep);
        Sys.Stop(sweep);
        ExpectTerminated(sweep);

        var changedPlan = SweepPlanner.Plan("changed", [Manager("m1", 100m)], [Choose("m1", "3")]);
        var resumed = Sys.ActorOf(SweepActor.Props(changedPlan, graders, FastPolicy));

        var status = Assert.IsType<SweepRejected>(await resumed.Ask<object>(GetSweepStatus.Instance, TimeSpan.FromSeconds(3)));
        Assert.Contains("the submission for m1 attempt 1 changed", status.Reason);
        graders.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
