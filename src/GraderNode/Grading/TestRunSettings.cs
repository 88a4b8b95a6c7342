using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Grading;

/// <summary>
/// How many test runs an attempt gets. The command and official runners run up to their limit (3) and stop at the
/// first pass, as SWE-Lancer does; browser tests run once plus <see cref="BrowserReruns"/> after failures. With
/// <see cref="ConfirmRuns"/> every run is made even after a pass, so flaky tests show.
/// </summary>
/// <param name="ConfirmRuns">Run all runs even after a pass (the grade is unchanged: any passing run passes).</param>
/// <param name="BrowserReruns">Further runs of a task's browser tests after a failed run, each in a fresh container.</param>
public sealed record TestRunSettings(bool ConfirmRuns = false, int BrowserReruns = 0)
{
    public static TestRunSettings Default { get; } = new();

    /// <summary>The most runs browser tests get.</summary>
    public int BrowserRuns => 1 + BrowserReruns;

    /// <summary>
    /// Whether run <paramref name="run"/> of at most <paramref name="maxRuns"/>, which ended in <paramref name="outcome"/>,
    /// is followed by another: after a failed run, or after a pass when confirming. Never after a system error: that is
    /// ours, and the whole attempt is retried.
    /// </summary>
    public bool RunAgain(int run, int maxRuns, GradeOutcome outcome) =>
        run < maxRuns && outcome switch
        {
            GradeOutcome.Failed => true,
            GradeOutcome.Passed => ConfirmRuns,
            _ => false,
        };
}
