using SweLancer.Domain.Placement;
using Xunit;

namespace SweLancer.Tests.Domain.Placement;

/// <summary>One node's predicted timeline: slots, one pull lane, an LRU of images.</summary>
public sealed class NodeScheduleSpec
{
    [Fact]
    public void The_first_attempt_of_an_image_pulls_and_the_next_reuse_it()
    {
        var node = new NodeSchedule(slots: 2, holdSeconds: 1, pullSeconds: 5, imageCache: 4);
        Assert.Equal(6, node.Commit("a"));
        Assert.Equal(6, node.Commit("a")); // second slot waits for the same pull, then holds
        Assert.Equal(7, node.Commit("a")); // a slot frees at 6
        Assert.Equal(1, node.Pulls);
        Assert.Equal(3, node.Attempts);
    }

    [Fact]
    public void Pulls_on_a_node_go_one_at_a_time()
    {
        var node = new NodeSchedule(slots: 2, holdSeconds: 1, pullSeconds: 5, imageCache: 4);
        Assert.Equal(6, node.Commit("a"));
        Assert.Equal(11, node.Commit("b")); // b's pull waits for a's
        Assert.Equal(2, node.Pulls);
    }

    [Fact]
    public void An_evicted_image_is_pulled_again()
    {
        var node = new NodeSchedule(slots: 1, holdSeconds: 1, pullSeconds: 2, imageCache: 1);
        node.Commit("a");
        node.Commit("b");
        Assert.False(node.Holds("a"));
        node.Commit("a");
        Assert.Equal(3, node.Pulls);
    }

    [Fact]
    public void An_estimate_changes_nothing()
    {
        var node = new NodeSchedule(slots: 1, holdSeconds: 1, pullSeconds: 2, imageCache: 1);
        Assert.Equal(3, node.EstimateFinish("a"));
        Assert.Equal(0, node.Pulls);
        Assert.False(node.Holds("a"));
        Assert.Equal(1, node.EstimateFinish(null));
    }
}
