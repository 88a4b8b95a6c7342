using System.Text.Json;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Protocol;

/// <summary>
/// The real SWE-Lancer Lite table's 61 IC rows graded by the official protocol, each mapped onto the conformance image
/// (a reproduction of the official image's interface, not the official images) with the image template, monolith style.
/// Gold answers earn exactly the table's IC dollars; empty answers earn none. Embedded and on a two-grader cluster.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "PostgreSQL")]
public sealed class LiteIcSweepSpec
{
    private const decimal LiteIcDollars = 175_000m;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static IReadOnlyList<GeneratedSubmissions.Line> IcLines(IReadOnlyList<TaskDefinition> tasks, Func<string, string> patch) =>
        tasks.Where(t => t.Variant == TaskVariants.IcSwe).Select(t => new GeneratedSubmissions.Line(t.QuestionId, 1, null, patch(t.QuestionId))).ToList();

    [Fact]
    public async Task Gold_earns_every_ic_dollar_and_empty_earns_none_on_the_embedded_default()
    {
        var tasksPath = SharedDataset.RequireLiteCsv();
        ConformanceImage.Ensure();
        using var dir = new TempDir();
        var tasks = GeneratedSubmissions.ReadTasks(tasksPath);
        Assert.Equal(61, tasks.Count(t => t.Variant == TaskVariants.IcSwe));
        Assert.All(tasks.Where(t => t.Variant == TaskVariants.IcSwe), t => Assert.Equal(IcRunnerKinds.SweLancer, t.Ic!.Runner)); // no manifest needed
        GeneratedSubmissions.Write(dir.File("gold.jsonl"), IcLines(tasks, ConformanceImage.GoldPatch));
        GeneratedSubmissions.Write(dir.File("empty.jsonl"), IcLines(tasks, _ => ""));

        var gold = await CoordinatorCli.RunAsync(Timeout, ConformanceImage.GraderEnvironment, "sweep", "--tasks", tasksPath, "--submissions", dir.File("gold.jsonl"),
            "--sweep-id", "lite-ic-gold", "--out", dir.File("gold"), "--summary-json", dir.File("gold.json"), "--system-error-retries", "0");
        Assert.True(gold.ExitCode == 0, gold.All);
        var summary = SummaryFile.Read(dir.File("gold.json"));
        Assert.True(summary.ByVariant["ic_swe"] == (61, 61, LiteIcDollars), $"{summary.ByVariant["ic_swe"]}\n{gold.All}");
        Assert.Equal(0, summary.SystemErrors);
        Assert.Equal(LiteIcDollars, summary.EarnedUsd); // manager tasks unanswered: no dollars there
        var logs = Directory.GetFiles(dir.File("gold/artefacts/lite-ic-gold"), "pytest.log", SearchOption.AllDirectories);
        Assert.Equal(61, logs.Length);
        Assert.Empty(DockerFixture.Docker("ps", "-a", "-q", "--filter", "label=swelancer.sweep=lite-ic-gold"));

        var empty = await CoordinatorCli.RunAsync(Timeout, ConformanceImage.GraderEnvironment, "sweep", "--tasks", tasksPath, "--submissions", dir.File("empty.jsonl"),
            "--sweep-id", "lite-ic-empty", "--out", dir.File("empty"), "--summary-json", dir.File("empty.json"));
        Assert.True(empty.ExitCode == 0, empty.All);
        var none = SummaryFile.Read(dir.File("empty.json"));
        Assert.Equal((61, 0, 0m), none.ByVariant["ic_swe"]);
        Assert.Equal(0, none.SystemErrors);
    }

    [Fact]
    public async Task Gold_earns_every_ic_dollar_on_a_coordinator_with_two_graders()
    {
        var tasksPath = SharedDataset.RequireLiteCsv();
        ConformanceImage.Ensure();
        using var dir = new TempDir();
        var tasks = GeneratedSubmissions.ReadTasks(tasksPath);
        // Gold for every IC task, and the unrelated patch as a second attempt of every other one: still each task's price once.
        var lines = IcLines(tasks, ConformanceImage.GoldPatch).Concat(IcLines(tasks, _ => ConformanceImage.Unrelated).Where((_, i) => i % 2 == 0).Select(l => l with { Attempt = 2 })).ToList();
        GeneratedSubmissions.Write(dir.File("gold.jsonl"), lines);
        var pool = new ClusterPool(tasksPath, dir.File("gold.jsonl"), tasks.Count, 61, LiteIcDollars, 377_000m);

        await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 2, slotsPerGrader: 2, graderEnvironment: ConformanceImage.GraderEnvironment);
        await rig.SubmitAsync(pool, "lite-ic-cluster");
        var end = await rig.WaitFinishedAsync("lite-ic-cluster", Timeout);

        Assert.True((end.Passed, end.EarnedUsd) == (61, LiteIcDollars), rig.Diagnostics());
        Assert.Equal(377_000m, end.AvailableUsd);
        foreach (var grader in rig.GraderIds)
            Assert.Empty(await DockerFixture.ContainersLeftAsync(grader, TimeSpan.FromMinutes(3)));

        // Each grader says which task images it holds (GET /api/nodes, which the status page shows).
        using var nodes = JsonDocument.Parse(await rig.Api.GetStringAsync("api/nodes", TestContext.Current.CancellationToken));
        var held = nodes.RootElement.GetProperty("nodes").EnumerateArray()
            .Where(n => n.TryGetProperty("grader", out var g) && g.ValueKind == JsonValueKind.Object && rig.GraderIds.Contains(g.GetProperty("node_id").GetString()))
            .Select(n => n.GetProperty("grader").GetProperty("images").EnumerateArray().Select(i => i.GetString()).ToList())
            .ToList();
        Assert.Equal(2, held.Count);
        Assert.All(held, images => Assert.Contains(ConformanceImage.Image, images));
    }
}
