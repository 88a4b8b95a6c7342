using SweLancer.Domain.Placement;
using Xunit;

namespace SweLancer.Tests.Domain.Placement;

/// <summary>The hold runner's model of a node's image store: at most K images, least recently used evicted.</summary>
public sealed class ImageLruSpec
{
    [Fact]
    public void A_new_image_is_a_miss_and_a_held_one_a_hit()
    {
        var lru = new ImageLru(2);
        Assert.False(lru.Touch("a", out var evicted));
        Assert.Null(evicted);
        Assert.True(lru.Touch("a", out _));
        Assert.Equal(1, lru.Count);
    }

    [Fact]
    public void Past_capacity_the_least_recently_used_image_goes()
    {
        var lru = new ImageLru(2);
        lru.Touch("a", out _);
        lru.Touch("b", out _);
        lru.Touch("a", out _); // b is now the least recently used
        Assert.False(lru.Touch("c", out var evicted));
        Assert.Equal("b", evicted);
        Assert.True(lru.Contains("a"));
        Assert.False(lru.Contains("b"));
        Assert.Equal(2, lru.Count);
    }
}
