using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Ic;

/// <summary>How one test run is decided: passed, the model's failure, or (retryable) a system error of ours.</summary>
public sealed record RunVerdict(GradeOutcome Outcome, string Reason, bool Retryable = false);
