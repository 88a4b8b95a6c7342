using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Inputs;

/// <summary>
/// A pool without tasks used to start a sweep that hung at "0/0 graded" and left a journal and a log behind. It is
/// refused before anything starts: exit 2, the file named, nothing written.
/// </summary>
public sealed class EmptyPoolSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static string Demo(string file) => Path.Combine(SharedDataset.RepoRoot, "samples", "demo", file);

    [Theory]
    [InlineData("header-only.csv", "question_id,variant,price,manager_data\n")]
    [InlineData("no-tasks.json", "{ \"format\": \"swelancer-task-manifest\", \"version\": 1, \"tasks\": [] }\n")]
    public async Task Is_refused_at_once_with_exit_2_naming_the_file_and_leaves_nothing_behind(string name, string content)
    {
        using var dir = new TempDir();
        var pool = dir.Write(name, content);
        var outDir = dir.File("out");
        var started = DateTime.UtcNow;

        var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", pool, "--submissions", Demo("submissions.jsonl"), "--out", outDir);

        Assert.True(run.ExitCode == 2, run.All);
        Assert.Contains($"error: {pool}: holds no tasks", run.All);
        Assert.DoesNotContain("   at ", run.All);
        Assert.False(Directory.Exists(outDir), "no journal, log or report for a refused pool");
        Assert.Equal([pool], Directory.GetFileSystemEntries(dir.Path));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(90), $"took {DateTime.UtcNow - started}"); // a hang would take the CLI timeout
    }
}
