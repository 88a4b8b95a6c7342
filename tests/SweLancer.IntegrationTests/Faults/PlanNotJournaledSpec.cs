using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Faults;

/// <summary>
/// When the journal refuses a sweep's plan, the sweep used to end with "Object reference not set to an instance of an
/// object.". The fault here: a copy of the program without the assembly its serializer writes through, so persisting the
/// plan is rejected. The sweep must say it did not start and where the log is, exit 1, and grade nothing.
/// </summary>
public sealed class PlanNotJournaledSpec
{
    [Fact]
    public async Task Says_the_sweep_did_not_start_and_points_to_the_log()
    {
        using var dir = new TempDir();
        var build = Directory.CreateDirectory(dir.File("build")).FullName;
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(build, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        File.Delete(Path.Combine(build, "Microsoft.IO.RecyclableMemoryStream.dll"));
        var demo = Path.Combine(SharedDataset.RepoRoot, "samples", "demo");
        var outDir = dir.File("out");

        var run = await CoordinatorCli.RunBuildAsync(Path.Combine(build, "swelancer.dll"), TimeSpan.FromMinutes(3), "sweep",
            "--tasks", Path.Combine(demo, "tasks.json"), "--submissions", Path.Combine(demo, "submissions.jsonl"), "--out", outDir, "--sweep-id", "unjournaled");

        Assert.True(run.ExitCode == 1, run.All);
        Assert.Contains($"error: sweep unjournaled did not start: its plan was not written to the journal; see {Path.Combine(outDir, "swelancer.log")}", run.All);
        Assert.DoesNotContain("Object reference", run.All);
        Assert.DoesNotContain("   at ", run.All);
        Assert.Contains("Rejected to persist event type [SweLancer.Messages.Sweeps.SweepPlanned]", File.ReadAllText(Path.Combine(outDir, "swelancer.log")));
        Assert.False(File.Exists(Path.Combine(outDir, "results.csv")), "nothing was graded, so no results");
    }
}
