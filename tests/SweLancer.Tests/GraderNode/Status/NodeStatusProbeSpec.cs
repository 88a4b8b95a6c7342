using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.GraderNode.Status;
using SweLancer.Messages.Nodes;
using Xunit;

namespace SweLancer.Tests.GraderNode.Status;

public sealed class NodeStatusProbeSpec
{
    [Theory]
    [InlineData(4, 4, 0, 0, 0, 4)]
    [InlineData(4, 1, 1, 2, 1, 1)]
    [InlineData(4, 0, 0, 4, 0, 0)]
    // Counts read a moment apart can disagree; they are clamped so the bar never exceeds the slots.
    [InlineData(2, 1, 3, 0, 1, 1)]
    [InlineData(2, 5, 0, 0, 0, 2)]
    public void Leased_is_what_is_neither_free_nor_warm(int slots, int free, int warm, int leased, int shownWarm, int shownFree) =>
        Assert.Equal(new ContainerPoolUse(slots, leased, shownWarm, shownFree), NodeStatusProbe.Use(slots, free, warm));

    [Fact]
    public void A_node_without_docker_reports_why_and_no_pool()
    {
        var status = NodeStatusProbe.Read("g1", new TaskGrader([new DockerUnavailableRunner("no engine at unix:///x")]), 0, DateTimeOffset.UnixEpoch);

        Assert.Equal(new NodeStatus("g1", null, "unavailable", 0, "no engine at unix:///x", DateTimeOffset.UnixEpoch), status);
    }
}
