using SweLancer.Messages.Events;

namespace SweLancer.Domain.Sweeps;

/// <summary>
/// What a sweep does with a result that came back from a grader: its decision step, pure, in the way a sharding
/// sample's ProcessCommand returns events. The coordinator's SweepActor only carries it out (persists and routes).
/// </summary>
public abstract record ResultDecision
{
    /// <summary>Another sweep's result, or one for an attempt this sweep never planned: logged and dropped.</summary>
    public sealed record Ignore(string Reason) : ResultDecision;

    /// <summary>Counted already, or being persisted: a redelivered attempt answered twice. The first answer counts.</summary>
    public sealed record Duplicate : ResultDecision;

    /// <summary>A retryable system error with retries left: graded again after a backoff; nothing is recorded.</summary>
    public sealed record Retry : ResultDecision;

    /// <summary>The attempt's final answer: persisted as it is.</summary>
    public sealed record Persist(TaskGraded Event) : ResultDecision;

    public static ResultDecision For(string sweepId, SweepState state, TaskGraded graded, bool beingPersisted, bool retriesLeft)
    {
        if (graded.SweepId != sweepId || !state.IsPlannedKey(graded.Key))
            return new Ignore($"a result for {graded.Key}, which it did not ask for");
        if (beingPersisted || state.Graded.ContainsKey(graded.Key))
            return new Duplicate();
        if (graded is { Outcome: GradeOutcome.SystemError, Retryable: true } && retriesLeft)
            return new Retry();
        return new Persist(graded);
    }
}
