using System.CommandLine;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Hosting;
using Xunit;

namespace SweLancer.Tests.GraderNode.Hosting;

/// <summary>--container-user, as `sweep` and the grader role parse it.</summary>
public sealed class ContainerUserOptionSpec
{
    private static (string? User, IReadOnlyList<string> Errors) Parse(params string[] args)
    {
        var option = new ContainerUserOption();
        var command = new RootCommand();
        option.AddTo(command);
        var parsed = command.Parse(args);
        return (parsed.Errors.Count == 0 ? option.Read(parsed) : null, parsed.Errors.Select(e => e.Message).ToList());
    }

    [Fact]
    public void Without_the_flag_containers_run_as_nobody() =>
        Assert.Equal("65534:65534", Parse().User);

    [Theory]
    [InlineData("0")]
    [InlineData("1000:1000")]
    [InlineData("www-data")]
    [InlineData("app.user:staff")]
    public void A_user_or_user_and_group_is_taken_as_given(string user) =>
        Assert.Equal(user, Parse("--container-user", user).User);

    [Theory]
    [InlineData("1:2:3", "has more than one ':'")]
    [InlineData(":1000", "has an empty user or group")]
    [InlineData("1000:", "has an empty user or group")]
    [InlineData("root; rm -rf /", "may hold only letters, digits")]
    public void A_malformed_user_is_refused_saying_what_is_wrong(string user, string problem)
    {
        var (parsed, errors) = Parse("--container-user", user);
        Assert.Null(parsed);
        var error = Assert.Single(errors);
        Assert.StartsWith($"--container-user (or SWELANCER_CONTAINER_USER) '{user}'", error);
        Assert.Contains(problem, error);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("root:root", true)]
    [InlineData("0:1000", true)]
    [InlineData("00", true)]
    [InlineData("000:0", true)]
    [InlineData("10", false)]
    [InlineData("65534:0", false)]
    [InlineData("1000", false)]
    public void Root_is_told_by_its_user_part(string user, bool root) =>
        Assert.Equal(root, ContainerUser.IsRoot(user));
}
