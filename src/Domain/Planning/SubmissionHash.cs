using System.Security.Cryptography;
using System.Text;
using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Planning;

/// <summary>Fingerprints the graded content of an answer, so resuming with a changed answer is caught.</summary>
public static class SubmissionHash
{
    public static string Of(Submission submission)
    {
        // Length-prefixed fields: no two different answers share an encoding.
        var text = $"{Field(submission.SelectedProposalId)}{Field(submission.ModelPatch)}";
        if (submission.OversizedPatchBytes is { } oversized)
            text += $"oversized:{oversized}"; // only then: hashes of ordinary answers stay what they were

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Field(string? value) => value is null ? "-1:" : $"{value.Length}:{value}";
}
