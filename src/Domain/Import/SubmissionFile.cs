using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Import;

/// <summary>The usable contents of a submissions file.</summary>
/// <param name="Submissions">One per (question_id, attempt), in file order; later duplicates are dropped.</param>
/// <param name="Warnings">Things worth telling the user that did not stop the read, each naming file and line.</param>
public sealed record SubmissionFile(IReadOnlyList<Submission> Submissions, IReadOnlyList<string> Warnings);
