using SweLancer.Domain.Placement;
using Xunit;

namespace SweLancer.Tests.Domain.Placement;

/// <summary>The placement decision: hashes for sharding, or the node that finishes first (image holders preferred).</summary>
public sealed class ImagePlacementSpec
{
    private static List<NodeSchedule> Nodes(int count, int slots = 1) =>
        Enumerable.Range(0, count).Select(_ => new NodeSchedule(slots, holdSeconds: 1, pullSeconds: 10, imageCache: 4)).ToList();

    [Fact]
    public void A_node_holding_the_image_wins_when_it_is_free()
    {
        var nodes = Nodes(3);
        nodes[2].Commit("a"); // finishes at 11, holds a
        nodes[1].Commit(null); // finishes at 1
        // Node 0 is free now but must pull (finish 11); node 2 holds a but is busy until 11 (finish 12); node 1 frees at 1 and
        // must pull (finish 12). Node 0 finishes first.
        Assert.Equal(0, ImagePlacement.EarliestFinish("a", nodes));
        nodes[0].Commit(null);
        nodes[1].Commit(null);
        // Now every node has one slot busy for a while: 0 and 1 until 1 and 2, node 2 until 11. Pulling on node 0: 1 + 10 + 1 = 12;
        // waiting for node 2: 11 + 1 = 12; a tie goes to the holder.
        Assert.Equal(2, ImagePlacement.EarliestFinish("a", nodes));
    }

    [Fact]
    public void A_busy_holder_loses_to_a_free_node_when_pulling_is_quicker_than_waiting()
    {
        var nodes = Nodes(2);
        nodes[0].Commit("a");
        for (var i = 0; i < 5; i++)
            nodes[0].Commit("a"); // busy until 16
        Assert.Equal(1, ImagePlacement.EarliestFinish("a", nodes)); // 0 + 10 + 1 = 11 < 17
    }

    [Fact]
    public void Hash_policies_are_stable_and_key_by_image_puts_an_image_on_one_node()
    {
        var nodes = Nodes(8);
        var byImage = Enumerable.Range(1, 10).Select(a => ImagePlacement.Choose(PlacementPolicy.KeyByImage, $"s|t|{a}", "img", nodes)).Distinct();
        Assert.Single(byImage);
        var byAttempt = Enumerable.Range(1, 40).Select(a => ImagePlacement.Choose(PlacementPolicy.HashByAttempt, $"s|t|{a}", "img", nodes)).Distinct();
        Assert.True(byAttempt.Count() > 4);
        Assert.Equal(ImagePlacement.Bucket("x", 8), ImagePlacement.Bucket("x", 8));
    }
}
