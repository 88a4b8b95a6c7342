namespace SweLancer.Messages.Sweeps;

/// <summary>One task attempt a sweep must grade, as recorded in the journal.</summary>
/// <param name="SubmissionHash">SHA-256 of the answer, or null when there is none: a changed answer is a different sweep.</param>
public sealed record PlannedItem(
    string QuestionId,
    int Attempt,
    string Variant,
    decimal PriceUsd,
    string? SubmissionHash);
