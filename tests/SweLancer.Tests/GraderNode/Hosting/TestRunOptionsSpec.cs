using System.CommandLine;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Hosting;
using Xunit;

namespace SweLancer.Tests.GraderNode.Hosting;

/// <summary>--confirm-runs and --rerun-failures, as `sweep` and the grader role parse them.</summary>
public sealed class TestRunOptionsSpec
{
    private static (TestRunSettings? Settings, IReadOnlyList<string> Errors) Parse(params string[] args)
    {
        var options = new TestRunOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parsed = command.Parse(args);
        return (parsed.Errors.Count == 0 ? options.Read(parsed) : null, parsed.Errors.Select(e => e.Message).ToList());
    }

    [Fact]
    public void Without_flags_runs_stop_at_a_pass_and_browser_tests_run_once() =>
        Assert.Equal(new TestRunSettings(false, 0), Parse().Settings);

    [Fact]
    public void The_flags_set_confirming_and_browser_reruns() =>
        Assert.Equal(new TestRunSettings(true, 2), Parse("--confirm-runs", "--rerun-failures", "2").Settings);

    [Fact]
    public void A_negative_rerun_count_is_refused()
    {
        var (settings, errors) = Parse("--rerun-failures", "-1");
        Assert.Null(settings);
        Assert.Contains("--rerun-failures must be 0 or more.", errors);
    }
}
