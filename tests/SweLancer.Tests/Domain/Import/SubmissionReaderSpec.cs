using SweLancer.Domain.Import;
using SweLancer.Messages.Submissions;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Domain.Import;

public class SubmissionReaderSpec
{
    private static (SubmissionFile File, string Path) Read(params string[] lines)
    {
        using var dir = new TempDir();
        var path = dir.Write("subs.jsonl", string.Join("\n", lines) + "\n");
        return (SubmissionReader.Read(path), path);
    }

    private static (InputFormatException Error, string Path) Fails(params string[] lines)
    {
        using var dir = new TempDir();
        var path = dir.Write("subs.jsonl", string.Join("\n", lines) + "\n");
        return (Assert.Throws<InputFormatException>(() => SubmissionReader.Read(path)), path);
    }

    [Fact]
    public void Reads_manager_and_ic_submissions_with_defaults()
    {
        var (file, _) = Read(
            """{"question_id": "15193-manager-0", "selected_proposal_id": 4, "model_name_or_path": "gpt-x"}""",
            """{"question_id": "18641_837", "attempt": 2, "model_patch": "diff --git a/x b/x\n"}""",
            """{"question_id": "m2", "selected_proposal_id": "07", "attempt": null, "extra": {"ignored": true}}""");
        Assert.Equal(
            [
                new Submission("15193-manager-0", 1, "4", null, "gpt-x"),
                new Submission("18641_837", 2, null, "diff --git a/x b/x\n", null),
                new Submission("m2", 1, "07", null, null),
            ],
            file.Submissions);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void An_oversized_patch_is_kept_as_its_size_and_graded_as_failed()
    {
        var huge = new string('+', Submission.MaxPatchBytes + 1);
        var (file, path) = Read("""{"question_id": "a", "model_patch": "ok"}""", $$"""{"question_id": "b", "model_patch": "{{huge}}"}""");

        Assert.Equal("ok", file.Submissions[0].ModelPatch);
        var oversized = file.Submissions[1];
        Assert.Null(oversized.ModelPatch);
        Assert.Equal(Submission.MaxPatchBytes + 1, oversized.OversizedPatchBytes);
        Assert.Contains(file.Warnings, w => w.StartsWith($"{path}:2: question_id b attempt 1: model_patch is 8,388,609 bytes", StringComparison.Ordinal));
        Assert.Equal("model_patch is 8,388,609 bytes; at most 8,388,608 are graded", oversized.OversizedReason());
    }

    [Fact]
    public void Skips_blank_lines_and_counts_them_for_line_numbers()
    {
        var (error, path) = Fails("", """{"question_id": "a"}""", "   ", """{"attempt": 1}""");
        Assert.Equal($"{path}:4: question_id is missing", error.Message);
        Assert.Equal(4, error.Line);
        Assert.Equal("question_id", error.Column);
    }

    [Fact]
    public void Handles_crlf_line_endings()
    {
        using var dir = new TempDir();
        var path = dir.Write("subs.jsonl", "{\"question_id\": \"a\", \"model_patch\": \"p\"}\r\n{\"question_id\": \"b\", \"model_patch\": \"q\"}\r\n");
        Assert.Equal(["a", "b"], SubmissionReader.Read(path).Submissions.Select(s => s.QuestionId));
    }

    [Fact]
    public void Keeps_the_first_of_duplicate_attempts_and_warns_with_both_lines()
    {
        var (file, path) = Read(
            """{"question_id": "a", "selected_proposal_id": "1"}""",
            """{"question_id": "a", "attempt": 2, "selected_proposal_id": "2"}""",
            """{"question_id": "a", "attempt": 1, "selected_proposal_id": "3"}""");
        Assert.Equal(["1", "2"], file.Submissions.Select(s => s.SelectedProposalId));
        var warning = Assert.Single(file.Warnings);
        Assert.Equal($"{path}:3: question_id a attempt 1 is a duplicate of line 1, ignored", warning);
    }

    [Fact]
    public void Warns_about_submissions_without_an_answer_and_empty_files()
    {
        var (file, path) = Read("""{"question_id": "a"}""");
        Assert.Equal($"{path}:1: question_id a attempt 1 has neither selected_proposal_id nor model_patch", Assert.Single(file.Warnings));
        Assert.Single(file.Submissions);

        var (empty, emptyPath) = Read("", "");
        Assert.Empty(empty.Submissions);
        Assert.Equal($"{emptyPath}: contains no submissions", Assert.Single(empty.Warnings));
    }

    [Theory]
    [InlineData("""{"question_id": "a", "attempt": 0}""", "attempt must be a positive integer, not 0")]
    [InlineData("""{"question_id": "a", "attempt": -1}""", "attempt must be a positive integer, not -1")]
    [InlineData("""{"question_id": "a", "attempt": 1.5}""", "attempt must be a positive integer, not 1.5")]
    [InlineData("""{"question_id": "a", "attempt": "2"}""", "attempt must be a positive integer, not \"2\"")]
    [InlineData("""{"question_id": 5}""", "question_id must be a string, not a number")]
    [InlineData("""{"question_id": "  "}""", "question_id is empty")]
    [InlineData("""{"question_id": null}""", "question_id is missing")]
    [InlineData("""{"question_id": "a", "selected_proposal_id": [1]}""", "selected_proposal_id must be a string or an integer, not an array")]
    [InlineData("""{"question_id": "a", "model_patch": 3}""", "model_patch must be a string, not a number")]
    [InlineData("""{"question_id": "a", "model_name_or_path": false}""", "model_name_or_path must be a string, not a boolean")]
    [InlineData("""["question_id", "a"]""", "expected a JSON object, found an array")]
    public void Reports_malformed_lines(string line, string detail)
    {
        var (error, path) = Fails("""{"question_id": "ok"}""", line);
        Assert.Equal($"{path}:2: {detail}", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Reports_invalid_json_with_its_position_but_without_framework_noise()
    {
        var (error, path) = Fails("""{"question_id": "a",}""");
        Assert.StartsWith($"{path}:1: invalid JSON at byte 21:", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Collects_every_malformed_line_into_one_error()
    {
        var (error, path) = Fails(
            """{"question_id": "a", "attempt": 0}""",
            """{"question_id": "b"}""",
            "not json",
            """{"question_id": 1, "model_patch": 2}""");
        Assert.Equal([1, 3, 4, 4], error.Problems.Select(p => p.Line));
        var lines = error.Message.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.StartsWith(path + ":", l));
        Assert.Equal($"{path}:4: model_patch must be a string, not a number", lines[3]);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var ex = Assert.Throws<InputFormatException>(() => SubmissionReader.Read(path));
        Assert.Equal($"{path}: file not found", ex.Message);
        Assert.Null(ex.Line);
    }
}
