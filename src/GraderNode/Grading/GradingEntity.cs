using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Grading;

/// <summary>
/// The sharded entity for one (sweep, task, attempt). It keeps no journal: the sweep that asked persists the answer,
/// and redelivers if this node dies first. Once it has answered it asks sharding to passivate it: at thousands of
/// attempts a second, an entity kept until it was idle held its actor, mailbox and answer for minutes. A copy of the
/// command that arrives later (a sweep resending after a node or the coordinator was lost) gets the final answer from
/// the node's <see cref="RecentAnswers"/> instead of a second grading.
/// </summary>
public sealed class GradingEntity : ReceiveActor
{
    private readonly TaskGrader _grader;
    private readonly RecentAnswers _answers;
    private readonly string _nodeAddress;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public GradingEntity(TaskGrader grader, RecentAnswers answers)
    {
        _grader = grader;
        _answers = answers;
        _nodeAddress = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        ReceiveAsync<GradeTask>(GradeAsync);
    }

    public static Props Props(TaskGrader grader, RecentAnswers answers) => Akka.Actor.Props.Create(() => new GradingEntity(grader, answers));

    private async Task GradeAsync(GradeTask command)
    {
        if (_answers.TryGet(command.EntityId, out var known))
        {
            Sender.Tell(known);
            return;
        }

        // Paired with the "Graded" line: a start without its end is an attempt still (or forever) grading here.
        _log.Info("Grading {0} {1}#{2} (delivery {3})", command.SweepId, command.Task.QuestionId, command.Attempt, command.Delivery);
        // Off the actor's scheduler: sharding stops an entity whose hand-off outlasts handoff-timeout, and continuations
        // bound to a stopped actor never run. The grading must still finish, give back its container and turn, and answer.
        var replyTo = Sender;
        var answer = await Task.Run(() => GradeAndAnswerAsync(command, replyTo));
        // A retryable system error is worth grading again when the sweep retries; anything else is final.
        if (!answer.Retryable)
            _answers.Remember(command.EntityId, answer);
        // A copy already in this mailbox is answered from RecentAnswers before the stop; one that reaches the shard during
        // the passivation is buffered there and answered the same way by the next incarnation.
        Context.Parent.Tell(new Passivate(PoisonPill.Instance));
    }

    private async Task<TaskGraded> GradeAndAnswerAsync(GradeTask command, IActorRef replyTo)
    {
        var startedAt = DateTimeOffset.UtcNow;
        using var span = GradingSpans.Start(command);
        GradeDecision decision;
        var attempt = new AttemptContext(command.SweepId, command.Attempt);
        try
        {
            decision = await _grader.GradeAsync(command.Task, command.Submission, CancellationToken.None, attempt);
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);
            // Our fault, not the model's: let the sweep retry it elsewhere.
            decision = GradeDecision.SystemError($"grader crashed: {ex.GetType().Name}: {ex.Message}", retryable: true);
        }

        GradingSpans.Finish(span, command, decision, _nodeAddress, DateTimeOffset.UtcNow - startedAt);
        var answer = new TaskGraded(
            command.SweepId,
            command.Task.QuestionId,
            command.Attempt,
            command.Task.Variant,
            command.Task.PriceUsd,
            decision.Outcome,
            decision.EarnedUsd,
            decision.Reason,
            decision.Retryable,
            _nodeAddress,
            startedAt,
            DateTimeOffset.UtcNow,
            decision.Artefacts ?? Array.Empty<string>(),
            TraceParent.Of(span),
            // What the harness itself observed; nothing here comes from the model's output.
            attempt.Meter.Runs,
            attempt.Meter.Cost);
        replyTo.Tell(answer);
        // One line per grading: the audit of which node graded what, and how often (a resent attempt may be graded twice).
        _log.Info("Graded {0} {1}#{2} {3} in {4} ms (delivery {5})", command.SweepId, command.Task.QuestionId, command.Attempt,
            answer.Outcome, (long)(answer.FinishedAt - answer.StartedAt).TotalMilliseconds, command.Delivery);
        return answer;
    }
}
