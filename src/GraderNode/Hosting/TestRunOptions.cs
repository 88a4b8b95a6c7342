using System.CommandLine;
using SweLancer.GraderNode.Grading;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode.Hosting;

/// <summary>
/// The flags (and environment variables) that set how many test runs an attempt gets, shared by `sweep` (embedded) and
/// the grader role: every run is recorded, so more runs show which tests are flaky.
/// </summary>
public sealed class TestRunOptions
{
    private readonly Option<bool> _confirmRuns = new("--confirm-runs")
    {
        Description = "Make every test run (3 for the command and official runners, 1 + --rerun-failures for browser tests) even after a pass, so flaky tests show; any passing run still passes [env SWELANCER_CONFIRM_RUNS].",
        DefaultValueFactory = EnvironmentDefault.Flag("SWELANCER_CONFIRM_RUNS", false),
    };

    private readonly Option<int> _rerunFailures = new("--rerun-failures")
    {
        Description = "Run a task's browser tests again, in a fresh container, up to this many times after a failed run [env SWELANCER_RERUN_FAILURES]. Default: 0.",
        DefaultValueFactory = EnvironmentDefault.Int("SWELANCER_RERUN_FAILURES", 0),
    };

    public TestRunOptions() =>
        _rerunFailures.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--rerun-failures must be 0 or more."); });

    public void AddTo(Command command)
    {
        command.Options.Add(_confirmRuns);
        command.Options.Add(_rerunFailures);
    }

    public TestRunSettings Read(ParseResult parsed) => new(parsed.GetValue(_confirmRuns), parsed.GetValue(_rerunFailures));
}
