namespace SweLancer.Messages.Submissions;

/// <summary>One model answer for one attempt of one task.</summary>
/// <param name="QuestionId">The task answered.</param>
/// <param name="Attempt">1..k; 1 when the file does not say.</param>
/// <param name="SelectedProposalId">The chosen proposal, for manager tasks (compared as text).</param>
/// <param name="ModelPatch">A unified diff, for IC tasks.</param>
/// <param name="ModelNameOrPath">Which model produced it, when known.</param>
public sealed record Submission(
    string QuestionId,
    int Attempt,
    string? SelectedProposalId,
    string? ModelPatch,
    string? ModelNameOrPath);
