using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// A task's browser tests, run once and again after a failure as often as <see cref="TestRunSettings.BrowserReruns"/>
/// allows (all runs when confirming), each run in a fresh container with the patched app installed: the tests may
/// change the app's state. Any passing run passes; the artefacts kept are those of the last failed run.
/// </summary>
public static class BrowserTestRuns
{
    public static async Task<GradeDecision> RunAsync(BrowserTestRun browserRun, ContainerPool pool, ContainerLease first, PatchedWorkspace workspace,
        InstallFolders folders, TaskDefinition task, AttemptContext attempt, TestRunSettings settings, CancellationToken cancellation)
    {
        var series = new RunSeries(settings.BrowserRuns, settings, attempt.Meter);
        var lease = first;
        GradeDecision? lastFailure = null;
        for (var run = 1; run <= settings.BrowserRuns; run++)
        {
            if (run > 1)
            {
                // As in the command runner: the used container goes back before a new one is asked for.
                await lease.DisposeAsync();
                lease = await pool.LeaseAsync(task.Ic!.Image!, attempt.SweepId, folders, cancellation);
                lease.ChargeTo(attempt.Meter);
                await workspace.InstallAsync(lease, cancellation);
            }
            GradeDecision decision;
            try
            {
                decision = await browserRun.RunAsync(lease, task, attempt, run, cancellation);
            }
            finally
            {
                if (!ReferenceEquals(lease, first))
                    await lease.DisposeAsync();
            }
            var again = series.Record(decision.Outcome);
            if (decision.Outcome == GradeOutcome.SystemError && !series.Passed)
                return decision;
            if (decision.Outcome == GradeOutcome.Failed)
                lastFailure = decision;
            if (!again)
                break;
        }
        if (series.Passed)
            return GradeDecision.Pass(task.PriceUsd, $"{task.Ic!.BrowserTests!.Count} browser test(s) passed" + RunNote(series));
        return series.Runs == 1 ? lastFailure! : lastFailure! with { Reason = $"browser tests failed in {series.Runs} runs: last run: {lastFailure.Reason}" };
    }

    private static string RunNote(RunSeries series) =>
        series.Runs == 1 ? "" : series.PassedOn == series.Runs && series.Passes == 1 ? $" on run {series.PassedOn} of {series.MaxRuns}" : $" ({series.Passes} of {series.Runs} runs passed)";
}
