using SweLancer.Domain.Import;
using SweLancer.Domain.Planning;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Domain.Planning;

/// <summary>
/// The pool and the submissions are read side by side; what the user sees must be what a reading one after the other
/// gave: the pool's error first when both are bad, each file's own error otherwise, and both files' warnings.
/// </summary>
public class SweepInputsSpec
{
    private const string Pool = """
        { "format": "swelancer-task-manifest", "version": 1, "tasks": [
          { "question_id": "m1", "variant": "swe_manager", "price": 100, "manager": { "correct_proposal_id": "1", "proposals": [{ "id": "1" }, { "id": "2" }] } },
          { "question_id": "m2", "variant": "swe_manager", "price": 250, "manager": { "correct_proposal_id": "2", "proposals": [{ "id": "1" }, { "id": "2" }] } }
        ] }
        """;

    private const string Answers = "{\"question_id\": \"m1\", \"selected_proposal_id\": \"1\"}\n{\"question_id\": \"m2\", \"selected_proposal_id\": \"1\"}\n";

    [Fact]
    public void When_both_files_are_bad_the_pools_error_is_the_one_reported()
    {
        using var dir = new TempDir();
        var (tasks, submissions) = (dir.File("pool.json"), dir.File("answers.jsonl"));
        File.WriteAllText(tasks, "{ \"format\": \"swelancer-task-manifest\", \"version\": 1, \"tasks\": [ {");
        File.WriteAllText(submissions, "not json\n");

        var ex = Assert.Throws<InputFormatException>(() => SweepInputs.Load("s1", tasks, submissions));

        Assert.Equal(tasks, ex.Path);
        Assert.DoesNotContain(submissions, ex.Message);
    }

    [Fact]
    public void A_bad_submissions_file_is_named_with_its_line_when_the_pool_is_fine()
    {
        using var dir = new TempDir();
        var (tasks, submissions) = (dir.File("pool.json"), dir.File("answers.jsonl"));
        File.WriteAllText(tasks, Pool);
        File.WriteAllText(submissions, Answers + "{\"question_id\": 7}\n");

        var ex = Assert.Throws<InputFormatException>(() => SweepInputs.Load("s1", tasks, submissions));

        Assert.Equal(submissions, ex.Path);
        Assert.Equal(3, ex.Line);
        Assert.Contains("question_id must be a string", ex.Message);
    }

    [Fact]
    public void A_missing_submissions_file_is_reported_as_such()
    {
        using var dir = new TempDir();
        var tasks = dir.File("pool.json");
        File.WriteAllText(tasks, Pool);

        var ex = Assert.Throws<InputFormatException>(() => SweepInputs.Load("s1", tasks, dir.File("absent.jsonl")));

        Assert.Contains("absent.jsonl", ex.Message);
    }

    [Fact]
    public void Good_inputs_plan_every_answer_and_keep_both_files_warnings()
    {
        using var dir = new TempDir();
        var (tasks, submissions) = (dir.File("pool.json"), dir.File("answers.jsonl"));
        File.WriteAllText(tasks, Pool);
        // A duplicate line (the submissions' warning) and an answer for a task not in the pool (the planner's).
        File.WriteAllText(submissions, Answers + "{\"question_id\": \"m1\", \"selected_proposal_id\": \"2\"}\n{\"question_id\": \"x9\", \"selected_proposal_id\": \"1\"}\n");

        var plan = SweepInputs.Load("s1", tasks, submissions);

        Assert.Equal(["m1", "m2"], plan.Items.Select(i => i.Task.QuestionId).Order());
        Assert.Contains(plan.Warnings, w => w.Contains("duplicate of line 1"));
        Assert.Contains(plan.Warnings, w => w.Contains("x9"));
    }
}
