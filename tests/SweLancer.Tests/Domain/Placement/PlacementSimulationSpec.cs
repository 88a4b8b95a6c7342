using SweLancer.Domain.Placement;
using Xunit;

namespace SweLancer.Tests.Domain.Placement;

/// <summary>
/// The three policies on the rig's shapes of pool (8 nodes x 8 slots, hold 0.5 s, pull 1 s, 4 images kept): what
/// bench/placement.sh measures on real processes, in milliseconds. The figures are printed for docs/performance.md.
/// </summary>
public sealed class PlacementSimulationSpec(ITestOutputHelper output)
{
    private Dictionary<PlacementPolicy, PlacementOutcome> RunAll(int tasks, int images, int attempts)
    {
        var pool = PlacementSimulation.Pool(tasks, images, attempts);
        var outcomes = Enum.GetValues<PlacementPolicy>().ToDictionary(p => p, p => PlacementSimulation.Run(p, pool, 8, 8, 0.5, 1, 4));
        foreach (var o in outcomes.Values)
            output.WriteLine($"{tasks} tasks x {attempts} over {images} images, {o.Policy}: {o.Pulls} pulls, {o.PullSeconds} s pulling, makespan {o.MakespanSeconds:F1} s, per node [{string.Join(", ", o.AttemptsPerNode)}]");
        return outcomes;
    }

    [Fact]
    public void With_an_image_per_task_keying_by_image_pulls_each_once_and_finishes_first()
    {
        var o = RunAll(tasks: 160, images: 160, attempts: 4);
        Assert.Equal(160, o[PlacementPolicy.KeyByImage].Pulls);
        Assert.True(o[PlacementPolicy.HashByAttempt].Pulls > 2 * o[PlacementPolicy.KeyByImage].Pulls);
        Assert.True(o[PlacementPolicy.KeyByImage].MakespanSeconds < o[PlacementPolicy.HashByAttempt].MakespanSeconds);
        Assert.True(o[PlacementPolicy.EarliestFinish].MakespanSeconds <= o[PlacementPolicy.HashByAttempt].MakespanSeconds);
    }

    [Fact]
    public void With_few_images_keying_by_image_idles_nodes_while_earliest_finish_does_not()
    {
        var o = RunAll(tasks: 160, images: 4, attempts: 4);
        Assert.True(o[PlacementPolicy.KeyByImage].AttemptsPerNode.Count(n => n > 0) <= 4);
        Assert.True(o[PlacementPolicy.KeyByImage].MakespanSeconds > o[PlacementPolicy.HashByAttempt].MakespanSeconds);
        Assert.True(o[PlacementPolicy.EarliestFinish].MakespanSeconds <= o[PlacementPolicy.HashByAttempt].MakespanSeconds);
    }

    [Fact]
    public void Without_pull_cost_every_policy_that_spreads_evenly_meets_the_ideal()
    {
        var pool = PlacementSimulation.Pool(1024, 1, 1);
        var outcome = PlacementSimulation.Run(PlacementPolicy.EarliestFinish, pool, 8, 128, 2, 0, 4);
        Assert.Equal(2, outcome.MakespanSeconds); // 1,024 attempts on 1,024 slots: one hold
        Assert.Equal(0, outcome.Pulls);
    }
}
