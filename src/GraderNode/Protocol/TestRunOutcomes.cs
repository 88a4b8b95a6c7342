using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;

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

    public static GradeOutcome OutcomeOf(TestRunVerdict verdict) => verdict switch
    {
        TestRunVerdict.Passed => GradeOutcome.Passed,
        TestRunVerdict.Failed => GradeOutcome.Failed,
        _ => GradeOutcome.SystemError,
    };

    /// <summary>
    /// Records the run that just ended with <paramref name="exitCode"/> in <paramref name="runs"/>; the attempt's grade,
    /// or null to run again. A system error before any pass is the attempt's (retried); after a pass, while confirming,
    /// it only ends the runs.
    /// </summary>
    public static GradeDecision? AfterRun(RunSeries runs, int exitCode, bool missingIsSystemError, decimal priceUsd, string? applyNote, IReadOnlyList<string> artefacts)
    {
        var note = applyNote is null ? "" : $" ({applyNote})";
        var verdict = Verdict(exitCode, missingIsSystemError);
        var again = runs.Record(OutcomeOf(verdict));
        if (verdict == TestRunVerdict.SystemError && !runs.Passed)
            return GradeDecision.SystemError($"test run {runs.Runs}: {Describe(exitCode)}", retryable: true, artefacts);
        if (again)
            return null;
        return runs.Passed
            ? GradeDecision.Pass(priceUsd, runs.PassReason + note) with { Artefacts = artefacts }
            : GradeDecision.Fail($"hidden tests failed in {runs.Runs} run{(runs.Runs == 1 ? "" : "s")}: last run: {Describe(exitCode)}{note}", artefacts);
    }
}
