namespace SweLancer.Messages.Submissions;

/// <summary>One model answer for one attempt of one task.</summary>
/// <param name="QuestionId">The task answered.</param>
/// <param name="Attempt">1..k; 1 when the file does not say.</param>
/// <param name="SelectedProposalId">The chosen proposal, for manager tasks (compared as text).</param>
/// <param name="ModelPatch">A unified diff, for IC tasks.</param>
/// <param name="ModelNameOrPath">Which model produced it, when known.</param>
/// <param name="OversizedPatchBytes">Set instead of <paramref name="ModelPatch"/> when the patch was over
/// <see cref="MaxPatchBytes"/>: the attempt is graded as the model's failure, and the patch is never carried around.</param>
public sealed record Submission(
    string QuestionId,
    int Attempt,
    string? SelectedProposalId,
    string? ModelPatch,
    string? ModelNameOrPath,
    long? OversizedPatchBytes = null)
{
    /// <summary>A patch is text a model wrote, not a payload: larger ones are not graded.</summary>
    public const int MaxPatchBytes = 8 * 1024 * 1024;

    public string OversizedReason() => $"model_patch is {OversizedPatchBytes:N0} bytes; at most {MaxPatchBytes:N0} are graded";
}
