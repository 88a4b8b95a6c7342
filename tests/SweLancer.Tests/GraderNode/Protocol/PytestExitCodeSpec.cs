using SweLancer.GraderNode.Protocol;
using Xunit;

namespace SweLancer.Tests.GraderNode.Protocol;

public sealed class PytestExitCodeSpec
{
    [Theory]
    [InlineData("0\n", 0)]
    [InlineData("1", 1)]
    [InlineData(" 2 \n\n", 2)]
    [InlineData("3\nnot a number\n", 3)]
    [InlineData("1\n0\n", 0)]
    [InlineData("", -1)]
    [InlineData("error: no such file", -1)]
    [InlineData(null, -1)]
    public void The_last_line_that_is_an_integer_counts(string? text, int expected) =>
        Assert.Equal(expected, PytestExitCode.Parse(text));
}
