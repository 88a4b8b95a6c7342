using System.Text.Json.Nodes;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>
/// Two sweeps share one grader node's containers: a big one submitted first and a small one submitted after it. The
/// node gives sweeps turns, so the small one finishes while most of the big one is still to do; each has its own ledger.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "PostgreSQL")]
[Trait("Needs", "Chromium")]
public sealed class ConcurrentSweepsSpec
{
    [Fact]
    public async Task A_small_sweep_submitted_after_a_big_one_finishes_long_before_it()
    {
        SamplePool.EnsureImage();
        using var dir = new TempDir();
        // Only container work, all of it passing: no attempt of either sweep is over in an instant.
        var big = GoldIcPool(dir.Path, "big", repeats: 2, perRepeat: int.MaxValue);
        var small = GoldIcPool(dir.Path, "small", repeats: 1, perRepeat: 10);
        await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 1, slotsPerGrader: 2);

        await rig.SubmitAsync(big, "big");
        await rig.WaitForAsync("big", s => s.Graded >= 3, TimeSpan.FromMinutes(5), "the big sweep's first results");
        await rig.SubmitAsync(small, "small");
        var smallEnd = await rig.WaitFinishedAsync("small", TimeSpan.FromMinutes(10));
        var bigThen = (await rig.TryStatusAsync("big"))!;

        TestContext.Current.TestOutputHelper?.WriteLine($"when the small sweep ({small.Tasks} tasks) finished, the big one had graded {bigThen.Graded} of {bigThen.Total}");
        // Taking turns, the big sweep grades about as many as the small one meanwhile (about a quarter of it in all); served
        // in arrival order, the whole big sweep (54 tasks, within its window of 64) would go first.
        Assert.True(bigThen.Graded < bigThen.Total * 0.5, $"the big sweep was already at {bigThen.Graded}/{bigThen.Total}: the small one waited behind it");
        Assert.Equal((small.Tasks, small.Passed, small.EarnedUsd, small.AvailableUsd), (smallEnd.LedgerGraded, smallEnd.Passed, smallEnd.EarnedUsd, smallEnd.AvailableUsd));

        var bigEnd = await rig.WaitFinishedAsync("big", TimeSpan.FromMinutes(15));
        Assert.Equal((big.Tasks, big.Passed, big.EarnedUsd, big.AvailableUsd), (bigEnd.LedgerGraded, bigEnd.Passed, bigEnd.EarnedUsd, bigEnd.AvailableUsd));
    }

    /// <summary>
    /// The sample pool's IC tasks (at most <paramref name="perRepeat"/> of them) <paramref name="repeats"/> times under new
    /// ids, each answered with its gold patch, so every attempt passes.
    /// </summary>
    private static ClusterPool GoldIcPool(string folder, string name, int repeats, int perRepeat)
    {
        var sampleFolder = SamplePool.Folder;
        var sample = JsonNode.Parse(File.ReadAllText(SamplePool.TasksJson))!["tasks"]!.AsArray();
        var gold = File.ReadAllLines(Path.Combine(sampleFolder, "submissions", "gold.jsonl")).Where(l => l.Trim().Length > 0)
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(l => l["question_id"]!.GetValue<string>());
        var tasks = new JsonArray();
        var lines = new List<string>();
        decimal available = 0;
        for (var r = 1; r <= repeats; r++)
        {
            foreach (var task in sample.Where(t => t!["variant"]!.GetValue<string>() == "ic_swe").Take(perRepeat))
            {
                var id = task!["question_id"]!.GetValue<string>();
                var copy = ClusterPool.CopyOfSampleTask(task, $"{id}-{name}{r}");
                tasks.Add(copy);
                available += copy["price"]!.GetValue<decimal>();
                var answer = gold[id].DeepClone().AsObject();
                answer["question_id"] = $"{id}-{name}{r}";
                lines.Add(answer.ToJsonString());
            }
        }

        var tasksPath = ClusterPool.WriteManifest(Path.Combine(folder, name + ".json"), tasks);
        var submissionsPath = Path.Combine(folder, name + ".jsonl");
        File.WriteAllLines(submissionsPath, lines);
        // Every gold patch passes (samples/freelance-app/README.md: gold.jsonl earns the whole pool).
        return new ClusterPool(tasksPath, submissionsPath, tasks.Count, tasks.Count, available, available);
    }
}
