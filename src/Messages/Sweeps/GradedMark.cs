using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>What a sweep remembers of one accepted result: which attempt it was and how it ended.</summary>
public sealed record GradedMark(string QuestionId, int Attempt, GradeOutcome Outcome);
