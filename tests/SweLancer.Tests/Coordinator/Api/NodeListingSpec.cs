using SweLancer.Coordinator.Api;
using SweLancer.Messages.Nodes;
using Xunit;

namespace SweLancer.Tests.Coordinator.Api;

public sealed class NodeListingSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static ClusterMemberInfo Member(string address, string status = "up", bool reachable = true, bool self = false, params string[] roles) =>
        new(address, roles.Length == 0 ? ["grader"] : roles, status, reachable, self);

    private static readonly NodeStatus Answer = new("g1", new ContainerPoolUse(2, 1, 0, 1), "running", 3, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("up", true, "grader", true)]
    [InlineData("weakly_up", true, "grader", true)]
    [InlineData("up", false, "grader", false)]
    [InlineData("joining", true, "grader", false)]
    [InlineData("leaving", true, "grader", false)]
    [InlineData("up", true, "coordinator", false)]
    public void Only_reachable_up_graders_are_asked(string status, bool reachable, string role, bool asked) =>
        Assert.Equal(asked, NodeListing.ShouldAsk(Member("a", status, reachable, false, role)));

    [Fact]
    public void A_grader_that_answered_shows_its_status_and_no_problem()
    {
        var view = NodeListing.View(Member("akka.tcp://s@h:2"), Answer, null, Timeout);

        Assert.Same(Answer, view.Grader);
        Assert.Null(view.Problem);
    }

    [Fact]
    public void A_grader_shows_the_shards_placed_on_it_only_once_its_region_is_registered()
    {
        var placed = new Dictionary<string, int> { ["akka.tcp://s@h:2"] = 4, ["akka.tcp://s@h:4"] = 0 };

        Assert.Equal(4, NodeListing.View(Member("akka.tcp://s@h:2"), Answer, placed, Timeout).GradingShards);
        Assert.Equal(0, NodeListing.View(Member("akka.tcp://s@h:4"), Answer, placed, Timeout).GradingShards);
        Assert.Null(NodeListing.View(Member("akka.tcp://s@h:3"), Answer, placed, Timeout).GradingShards);
        Assert.Null(NodeListing.View(Member("akka.tcp://s@h:2"), Answer, null, Timeout).GradingShards);
    }

    [Theory]
    [InlineData("up", true, "no answer within 2 s")]
    [InlineData("up", false, "unreachable")]
    [InlineData("joining", true, "not up (joining)")]
    public void A_grader_without_an_answer_says_why(string status, bool reachable, string problem) =>
        Assert.Equal(problem, NodeListing.View(Member("a", status, reachable), null, null, Timeout).Problem);

    [Fact]
    public void A_coordinator_is_never_a_problem_for_having_no_grader_status() =>
        Assert.Null(NodeListing.View(Member("a", roles: "coordinator"), null, null, Timeout).Problem);

    [Fact]
    public void This_coordinator_comes_first_then_members_by_address()
    {
        var views = new[]
        {
            NodeListing.View(Member("akka.tcp://s@h:3"), Answer, null, Timeout),
            NodeListing.View(Member("akka.tcp://s@h:9", self: true, roles: "coordinator"), null, null, Timeout),
            NodeListing.View(Member("akka.tcp://s@h:2"), Answer, null, Timeout),
        };

        Assert.Equal(["akka.tcp://s@h:9", "akka.tcp://s@h:2", "akka.tcp://s@h:3"], NodeListing.Order(views).Select(v => v.Address));
    }
}
