using SweLancer.GraderNode.Protocol;
using Xunit;

namespace SweLancer.Tests.GraderNode.Protocol;

public sealed class ImageEvictionSpec
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Within_the_budget_nothing_goes() =>
        Assert.Empty(ImageEviction.Choose([new("a", 10, T0, false), new("b", 10, T0, false)], 0, 20));

    [Fact]
    public void The_least_recently_used_go_first_until_it_fits()
    {
        var held = new ImageEviction.Held[] { new("new", 10, T0.AddMinutes(3), false), new("old", 10, T0, false), new("mid", 10, T0.AddMinutes(1), false) };
        Assert.Equal(["old", "mid"], ImageEviction.Choose(held, 5, 15));
    }

    [Fact]
    public void An_image_in_use_stays_even_over_the_budget()
    {
        var held = new ImageEviction.Held[] { new("busy", 50, T0, true), new("idle", 10, T0.AddMinutes(1), false) };
        Assert.Equal(["idle"], ImageEviction.Choose(held, 0, 20));
    }
}
