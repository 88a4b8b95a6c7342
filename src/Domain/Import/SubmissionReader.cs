using System.Text.Json;
using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Import;

/// <summary>
/// Reads model submissions from JSON Lines: one object per line with <c>question_id</c> (string, required),
/// <c>attempt</c> (integer ≥ 1, default 1), <c>selected_proposal_id</c> (string or integer, manager tasks),
/// <c>model_patch</c> (string, IC tasks) and <c>model_name_or_path</c> (string). Null counts as absent for the
/// optional fields; blank lines are skipped; unknown properties are ignored. Which task a submission belongs to
/// is checked elsewhere: this reader does not know the tasks.
/// </summary>
public static class SubmissionReader
{
    /// <summary>Reads the submissions at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">The file is missing, or any line is malformed (all such lines are listed).</exception>
    public static SubmissionFile Read(string path)
    {
        using var reader = ImportFiles.OpenText(path);
        return Read(reader, path);
    }

    /// <summary>Reads submissions from <paramref name="reader"/>; <paramref name="displayPath"/> names it in messages.</summary>
    /// <exception cref="InputFormatException">Any line is malformed (all such lines are listed).</exception>
    public static SubmissionFile Read(TextReader reader, string displayPath)
    {
        var problems = new List<InputProblem>();
        var warnings = new List<string>();
        var submissions = new List<Submission>();
        var firstLineOf = new Dictionary<ResultKey, int>();

        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var submission = ParseLine(line, lineNumber, displayPath, problems, warnings);
            if (submission is null)
                continue;

            var key = new ResultKey(submission.QuestionId, submission.Attempt);
            if (firstLineOf.TryGetValue(key, out var first))
            {
                warnings.Add($"{displayPath}:{lineNumber}: question_id {submission.QuestionId} attempt {submission.Attempt} is a duplicate of line {first}, ignored");
                continue;
            }
            firstLineOf[key] = lineNumber;
            if (submission.SelectedProposalId is null && submission.ModelPatch is null && submission.OversizedPatchBytes is null)
                warnings.Add($"{displayPath}:{lineNumber}: question_id {submission.QuestionId} attempt {submission.Attempt} has neither selected_proposal_id nor model_patch");
            submissions.Add(submission);
        }

        if (problems.Count > 0)
            throw new InputFormatException(problems);
        if (submissions.Count == 0)
            warnings.Add($"{displayPath}: contains no submissions");
        return new SubmissionFile(submissions, warnings);
    }

    private static Submission? ParseLine(string line, int lineNumber, string path, List<InputProblem> problems, List<string> warnings)
    {
        var before = problems.Count;
        void Problem(string? field, string detail) =>
            problems.Add(new InputProblem(path, lineNumber, field, detail) { ColumnInMessage = false }); // details name their field

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            Problem(null, $"invalid JSON at byte {(ex.BytePositionInLine ?? 0) + 1}: {JsonValues.SyntaxMessage(ex)}");
            return null;
        }

        using (document)
        {
            if (JsonEscapes.FirstLoneSurrogate(line) is { } lone)
            {
                Problem(null, $"invalid JSON at byte {lone.Offset + 1}: {LoneSurrogateDetail(lone.Escape)}");
                return null;
            }
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem(null, $"expected a JSON object, found {JsonValues.KindOf(root)}");
                return null;
            }

            string? questionId = null;
            if (!root.TryGetProperty("question_id", out var qid) || qid.ValueKind == JsonValueKind.Null)
                Problem("question_id", "question_id is missing");
            else if (qid.ValueKind != JsonValueKind.String)
                Problem("question_id", $"question_id must be a string, not {JsonValues.KindOf(qid)}");
            else if (qid.GetString() is var text && string.IsNullOrWhiteSpace(text))
                Problem("question_id", "question_id is empty");
            else
                questionId = text.Trim();

            var attempt = 1;
            if (root.TryGetProperty("attempt", out var attemptElement) && attemptElement.ValueKind != JsonValueKind.Null)
            {
                if (attemptElement.ValueKind != JsonValueKind.Number || !attemptElement.TryGetInt32(out attempt) || attempt < 1)
                {
                    Problem("attempt", $"attempt must be a positive integer, not {attemptElement.GetRawText()}");
                    attempt = 1;
                }
            }

            string? selected = null;
            if (root.TryGetProperty("selected_proposal_id", out var selectedElement) && selectedElement.ValueKind != JsonValueKind.Null)
            {
                selected = JsonValues.IdText(selectedElement, out var error);
                if (error is not null)
                    Problem("selected_proposal_id", $"selected_proposal_id {error}");
            }

            var patch = OptionalString(root, "model_patch", Problem);
            var model = OptionalString(root, "model_name_or_path", Problem);
            long? oversized = null;
            if (patch is not null && System.Text.Encoding.UTF8.GetByteCount(patch) is var bytes && bytes > Submission.MaxPatchBytes)
            {
                (oversized, patch) = (bytes, null); // kept as a fact about the attempt, not as 100s of MB in every message
                warnings.Add($"{path}:{lineNumber}: question_id {questionId} attempt {attempt}: model_patch is {bytes:N0} bytes, over the {Submission.MaxPatchBytes:N0}-byte limit; the attempt is graded as failed");
            }

            return problems.Count > before ? null : new Submission(questionId!, attempt, selected, patch, model, oversized);
        }
    }

    /// <summary>The same words for a lone surrogate escape in every JSON input.</summary>
    internal static string LoneSurrogateDetail(string escape) =>
        $"the string escape holds a lone UTF-16 surrogate ({escape} without its pair), which is no character";

    private static string? OptionalString(JsonElement root, string name, Action<string?, string> problem)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        problem(name, $"{name} must be a string, not {JsonValues.KindOf(value)}");
        return null;
    }
}
