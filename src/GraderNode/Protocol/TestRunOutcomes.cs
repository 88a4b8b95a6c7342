using SweLancer.GraderNode.Grading;

namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// The official runner's decisions, free of Docker: pytest's exit code to a run's verdict, and the runs to an attempt's
/// grade. pytest's codes mean something here (2 interrupted or collection error, 5 no tests), so 2 and above are ours.
/// </summary>
public static class TestRunOutcomes
{
    public static TestRunVerdict Verdict(int exitCode, bool missingIsSystemError) => exitCode switch
    {
        0 => TestRunVerdict.Passed,
        1 => TestRunVerdict.Failed,
        PytestExitCode.Missing => missingIsSystemError ? TestRunVerdict.SystemError : TestRunVerdict.Failed,
        >= 2 => TestRunVerdict.SystemError,
        _ => TestRunVerdict.SystemError, // other negatives are not written by run_tests.yml
    };

    /// <summary>Why a run ended as it did, in words for the report.</summary>
    public static string Describe(int exitCode) => exitCode switch
    {
        0 => "pytest passed",
        1 => "pytest failed",
        PytestExitCode.Missing => "no pytest exit code was written (the playbook stopped before pytest, e.g. the build or the dev server failed)",
        2 => "pytest exit code 2 (interrupted or collection error)",
        5 => "pytest exit code 5 (no tests collected)",
        _ => $"pytest exit code {exitCode}",
    };

    /// <summary>The attempt's grade once run <paramref name="run"/> of <paramref name="maxRuns"/> ended with <paramref name="exitCode"/>; null to run again.</summary>
    public static GradeDecision? AfterRun(int run, int maxRuns, int exitCode, bool missingIsSystemError, decimal priceUsd, string? applyNote, IReadOnlyList<string> artefacts)
    {
        var note = applyNote is null ? "" : $" ({applyNote})";
        switch (Verdict(exitCode, missingIsSystemError))
        {
            case TestRunVerdict.Passed:
                var reason = run == 1 ? "hidden tests passed" : $"hidden tests passed on run {run} of {maxRuns}";
                return GradeDecision.Pass(priceUsd, reason + note) with { Artefacts = artefacts };
            case TestRunVerdict.SystemError:
                return GradeDecision.SystemError($"test run {run}: {Describe(exitCode)}", retryable: true, artefacts);
            default:
                return run < maxRuns
                    ? null
                    : GradeDecision.Fail($"hidden tests failed in {maxRuns} run{(maxRuns == 1 ? "" : "s")}: last run: {Describe(exitCode)}{note}", artefacts);
        }
    }
}
