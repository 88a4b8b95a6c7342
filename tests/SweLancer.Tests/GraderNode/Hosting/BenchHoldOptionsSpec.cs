using SweLancer.GraderNode.Hosting;
using Xunit;

namespace SweLancer.Tests.GraderNode.Hosting;

/// <summary>The test-only hold runner is off unless asked for, and refuses to start without an explicit slot count.</summary>
public sealed class BenchHoldOptionsSpec
{
    private const string Seed = "akka.tcp://swelancer@127.0.0.1:4053";

    private static IReadOnlyList<string> Errors(params string[] args) =>
        GraderCommand.Build().Parse(["--seed-nodes", Seed, .. args]).Errors.Select(e => e.Message).ToList();

    [Fact]
    public void The_hold_runner_with_slots_parses() =>
        Assert.Empty(Errors("--container-slots", "128", "--bench-hold-runner", "2s", "--bench-pull-cost", "500ms", "--bench-image-cache", "4"));

    [Fact]
    public void The_hold_runner_without_an_explicit_slot_count_is_refused() =>
        Assert.Contains(Errors("--bench-hold-runner", "2s"), e => e.Contains("needs an explicit --container-slots"));

    [Fact]
    public void A_pull_cost_without_the_hold_runner_is_refused() =>
        Assert.Contains(Errors("--container-slots", "4", "--bench-pull-cost", "1s"), e => e.Contains("only go with --bench-hold-runner"));

    [Fact]
    public void A_hold_that_is_not_a_duration_is_refused() =>
        Assert.Contains(Errors("--container-slots", "4", "--bench-hold-runner", "2"), e => e.Contains("is not a duration"));
}
