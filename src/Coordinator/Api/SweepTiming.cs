using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// When a sweep's grading happened and how fast, from its ledger: from the first attempt started to the last one
/// finished. A stalled sweep keeps the rate it had while grading.
/// </summary>
public sealed record SweepTiming(DateTimeOffset? FirstStartedAt, DateTimeOffset? LastFinishedAt, double? AttemptsPerMinute, double? TasksPerMinute)
{
    public static readonly SweepTiming None = new(null, null, null, null);

    /// <param name="tasksGraded">Tasks with every attempt graded (the ledger's count, not the attempts').</param>
    public static SweepTiming Of(IReadOnlyCollection<TaskGraded> results, int tasksGraded) =>
        results.Count == 0 ? None : Of(results.Min(r => r.StartedAt), results.Max(r => r.FinishedAt), results.Count, tasksGraded);

    /// <summary>From the first start and last finish of <paramref name="attempts"/> results, as a growing ledger keeps them.</summary>
    public static SweepTiming Of(DateTimeOffset first, DateTimeOffset last, int attempts, int tasksGraded)
    {
        if (attempts == 0)
            return None;
        // At least a second: a handful of results graded in the same instant is not an infinite rate.
        var minutes = Math.Max((last - first).TotalMinutes, 1.0 / 60);
        return new SweepTiming(first, last, Math.Round(attempts / minutes, 1), Math.Round(tasksGraded / minutes, 1));
    }
}
