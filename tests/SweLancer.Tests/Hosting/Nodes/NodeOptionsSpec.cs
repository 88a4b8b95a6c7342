using SweLancer.Hosting.Nodes;
using Xunit;

namespace SweLancer.Tests.Hosting.Nodes;

public sealed class NodeOptionsSpec
{
    [Fact]
    public void Seed_lists_split_on_commas_and_ignore_blanks() =>
        Assert.Equal(["akka.tcp://swelancer@a:1", "akka.tcp://swelancer@b:2"], NodeOptions.SplitSeeds(" akka.tcp://swelancer@a:1, ,akka.tcp://swelancer@b:2 "));

    [Fact]
    public void Full_addresses_of_this_system_are_accepted() =>
        Assert.Empty(NodeOptions.SeedProblems("akka.tcp://swelancer@10.0.0.1:4053,akka.tcp://swelancer@grader-0.graders.ns.svc.cluster.local:4054"));

    [Theory]
    [InlineData("127.0.0.1:4053", "is not an address like")]
    [InlineData("akka.tcp://swelancer@host", "is not an address like")]
    [InlineData("akka.tcp://other@host:4053", "names actor system 'other'")]
    public void Bad_seeds_are_named(string seed, string problem) =>
        Assert.Contains(problem, Assert.Single(NodeOptions.SeedProblems(seed)));
}
