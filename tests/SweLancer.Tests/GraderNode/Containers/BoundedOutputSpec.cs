using System.Text;
using SweLancer.GraderNode.Containers;
using Xunit;

namespace SweLancer.Tests.GraderNode.Containers;

public sealed class BoundedOutputSpec
{
    [Fact]
    public void Short_output_is_kept_whole()
    {
        var output = new BoundedOutput(8);
        output.Write("hello"u8);
        output.Write("!"u8);
        Assert.Equal("hello!", output.ToString());
        Assert.Equal(6, output.Total);
    }

    [Fact]
    public void A_flood_keeps_its_head_and_tail_and_counts_the_rest()
    {
        var output = new BoundedOutput(4);
        output.Write("HEAD"u8);
        for (var i = 0; i < 1000; i++)
            output.Write("xxxxxxxxxx"u8);
        output.Write("TAIL"u8);

        Assert.Equal(4 + 10_000 + 4, output.Total);
        Assert.Equal("HEAD\n… [10,000 bytes of output omitted] …\nTAIL", output.ToString());
    }

    [Fact]
    public void A_single_write_larger_than_both_halves_keeps_its_ends()
    {
        var output = new BoundedOutput(3);
        output.Write(Encoding.ASCII.GetBytes("abc" + new string('-', 50) + "xyz"));
        Assert.Equal("abc\n… [50 bytes of output omitted] …\nxyz", output.ToString());
    }
}
