using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>
/// A small cluster may be one process: `swelancer coordinator --roles coordinator,grader` also grades, in its own
/// containers, with the grader flags. It grades a sweep alone, to the dollar, and leaves no container behind.
/// </summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "PostgreSQL")]
[Trait("Needs", "Chromium")]
public sealed class CombinedRolesSpec
{
    [Fact]
    public async Task A_coordinator_with_the_grader_role_grades_a_sweep_on_its_own()
    {
        var lite = SharedDataset.RequireLiteCsv();
        SamplePool.EnsureImage();
        using var dir = new TempDir();
        var pool = ClusterPool.Build(dir.Path, sampleRepeats: 1, lite);
        var nodeId = $"it-combined-{Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 0, coordinatorArgs:
                ["--roles", "coordinator,grader", "--node-id", nodeId, "--container-slots", "2", "--artefacts", Path.Combine(dir.Path, "artefacts")]);
            await rig.SubmitAsync(pool, "combined");
            var sawContainers = false;
            await rig.WaitForAsync("combined", s =>
            {
                sawContainers |= DockerFixture.ContainersOfNode(nodeId).Length > 0;
                return s.State == "finished";
            }, TimeSpan.FromMinutes(8), "finishing");
            var end = (await rig.TryStatusAsync("combined"))!;

            Assert.True(sawContainers, $"no container labelled {nodeId} was seen: the coordinator did not grade in containers");
            Assert.Equal((pool.Tasks, pool.Tasks), (end.LedgerTasks, end.LedgerGraded));
            Assert.Equal((pool.Passed, pool.Tasks - pool.Passed, 0), (end.Passed, end.Failed, end.SystemErrors));
            Assert.Equal((pool.EarnedUsd, pool.AvailableUsd), (end.EarnedUsd, end.AvailableUsd));
            Assert.Equal(0, await rig.Coordinator!.TerminateAsync(TimeSpan.FromMinutes(2)));
            Assert.Empty(DockerFixture.ContainersOfNode(nodeId));
        }
        finally
        {
            foreach (var container in DockerFixture.ContainersOfNode(nodeId))
                DockerFixture.Docker("rm", "-f", "-v", container);
        }
    }
}
