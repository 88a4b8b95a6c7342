using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Grading;

/// <summary>What a grader concluded about one attempt, before timings and node are attached.</summary>
/// <param name="Artefacts">Paths of screenshots, traces and logs kept to explain the decision.</param>
public sealed record GradeDecision(GradeOutcome Outcome, decimal EarnedUsd, string Reason, bool Retryable = false, IReadOnlyList<string>? Artefacts = null)
{
    public static GradeDecision Pass(decimal priceUsd, string reason) => new(GradeOutcome.Passed, priceUsd, reason);

    public static GradeDecision Fail(string reason, IReadOnlyList<string>? artefacts = null) => new(GradeOutcome.Failed, 0m, reason, Artefacts: artefacts);

    public static GradeDecision SystemError(string reason, bool retryable, IReadOnlyList<string>? artefacts = null) =>
        new(GradeOutcome.SystemError, 0m, reason, retryable, artefacts);
}
