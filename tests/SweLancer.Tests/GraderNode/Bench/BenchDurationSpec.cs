using SweLancer.GraderNode.Bench;
using Xunit;

namespace SweLancer.Tests.GraderNode.Bench;

public sealed class BenchDurationSpec
{
    [Theory]
    [InlineData("2s", 2000)]
    [InlineData("100ms", 100)]
    [InlineData("1.5s", 1500)]
    [InlineData("0s", 0)]
    [InlineData("1m", 60000)]
    public void Reads_a_number_with_its_unit(string text, double ms)
    {
        Assert.True(BenchDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(ms), duration);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("-1s")]
    [InlineData("1,5s")]
    public void Refuses_anything_else(string text) => Assert.False(BenchDuration.TryParse(text, out _));
}
