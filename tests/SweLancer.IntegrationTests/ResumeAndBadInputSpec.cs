using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests;

/// <summary>Resuming with other inputs, and bad inputs: clear errors, exit code 2, nothing lost.</summary>
public sealed class ResumeAndBadInputSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static string Demo(string file) => Path.Combine(Tests.Shared.SharedDataset.RepoRoot, "samples", "demo", file);

    [Fact]
    public async Task The_demo_sweep_earns_its_documented_amount_and_a_rerun_prints_the_same_ledger_without_regrading()
    {
        using var dir = new TempDir();
        string[] args = ["sweep", "--tasks", Demo("tasks.json"), "--submissions", Demo("submissions.jsonl"), "--sweep-id", "demo", "--out", dir.Path];

        var first = await CoordinatorCli.RunAsync(Timeout, args);
        var second = await CoordinatorCli.RunAsync(Timeout, args);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("resuming: 5 of 5 attempts were already graded", second.Output);
        var summary = SummaryFile.Read(Path.Combine(dir.Path, "summary.json"));
        Assert.Equal((5, 2, 2, 1, 2500m, 5250m), (summary.Tasks, summary.Passed, summary.Failed, summary.SystemErrors, summary.EarnedUsd, summary.AvailableUsd));
    }

    [Fact]
    public async Task Resuming_with_a_changed_answer_is_refused_and_keeps_the_recorded_results()
    {
        using var dir = new TempDir();
        string[] Args(string submissions) => ["sweep", "--tasks", Demo("tasks.json"), "--submissions", submissions, "--sweep-id", "demo", "--out", dir.Path];
        Assert.Equal(0, (await CoordinatorCli.RunAsync(Timeout, Args(Demo("submissions.jsonl")))).ExitCode);
        var before = File.ReadAllText(Path.Combine(dir.Path, "results.csv"));
        var changed = dir.File("changed.jsonl");
        File.WriteAllText(changed, File.ReadAllText(Demo("submissions.jsonl")).Replace("\"selected_proposal_id\": \"2\"", "\"selected_proposal_id\": \"1\""));

        var run = await CoordinatorCli.RunAsync(Timeout, Args(changed));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the submission for demo-101-manager attempt 1 changed since the sweep started", run.All);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir.Path, "results.csv")));
        Assert.Equal(0, (await CoordinatorCli.RunAsync(Timeout, Args(Demo("submissions.jsonl")))).ExitCode);
    }

    [Fact]
    public async Task Malformed_submission_lines_are_all_named_with_file_and_line()
    {
        using var dir = new TempDir();
        var bad = dir.File("bad.jsonl");
        File.WriteAllLines(bad, ["{\"question_id\": \"demo-101-manager\", \"selected_proposal_id\": \"2\"}", "{not json", "{\"question_id\": \"demo-102-manager\", \"attempt\": 0}"]);

        var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", Demo("tasks.json"), "--submissions", bad, "--out", dir.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{bad}:2:", run.All);
        Assert.Contains($"{bad}:3:", run.All);
        Assert.DoesNotContain("   at ", run.All);
    }

    [Fact]
    public async Task Missing_files_and_bad_options_are_refused_before_anything_starts()
    {
        var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", "/nonexistent/tasks.json", "--submissions", Demo("submissions.jsonl"), "--sweep-id", "bad id!");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/tasks.json", run.All);
        Assert.Contains("--sweep-id 'bad id!' is not valid", run.All);
    }

    [Fact]
    public async Task A_db_string_that_names_no_known_database_is_refused()
    {
        using var dir = new TempDir();

        var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", Demo("tasks.json"), "--submissions", Demo("submissions.jsonl"), "--out", dir.Path, "--db", "mysql://x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db must be a PostgreSQL connection string", run.All);
    }
}
