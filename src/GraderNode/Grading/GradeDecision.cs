using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Grading;

/// <summary>What a grader concluded about one attempt, before timings and node are attached.</summary>
public sealed record GradeDecision(GradeOutcome Outcome, decimal EarnedUsd, string Reason, bool Retryable = false)
{
    public static GradeDecision Pass(decimal priceUsd, string reason) => new(GradeOutcome.Passed, priceUsd, reason);

    public static GradeDecision Fail(string reason) => new(GradeOutcome.Failed, 0m, reason);

    public static GradeDecision SystemError(string reason, bool retryable) => new(GradeOutcome.SystemError, 0m, reason, retryable);
}
