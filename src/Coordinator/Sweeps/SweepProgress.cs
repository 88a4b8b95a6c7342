using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Sweeps;

/// <summary>A sweep's progress in task attempts, for the live display.</summary>
public sealed record SweepProgress(
    string SweepId, int Total, int Graded, int Passed, int Failed, int SystemErrors, decimal EarnedUsd, int InFlight)
{
    public bool IsFinished => Total > 0 && Graded == Total;

    public static SweepProgress From(string sweepId, int total, IEnumerable<TaskGraded> results, int inFlight)
    {
        int passed = 0, failed = 0, errors = 0, graded = 0;
        decimal earned = 0;
        foreach (var r in results)
        {
            graded++;
            earned += r.EarnedUsd;
            switch (r.Outcome)
            {
                case GradeOutcome.Passed: passed++; break;
                case GradeOutcome.Failed: failed++; break;
                default: errors++; break;
            }
        }

        return new SweepProgress(sweepId, total, graded, passed, failed, errors, earned, inFlight);
    }
}
