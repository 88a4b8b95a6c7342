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
    public static SweepTiming Of(IReadOnlyCollection<TaskGraded> results, int tasksGraded)
    {
        if (results.Count == 0)
            return None;
        var first = results.Min(r => r.StartedAt);
        var last = results.Max(r => r.FinishedAt);
        // At least a second: a handful of results graded in the same instant is not an infinite rate.
        var minutes = Math.Max((last - first).TotalMinutes, 1.0 / 60);
        return new SweepTiming(first, last, Math.Round(results.Count / minutes, 1), Math.Round(tasksGraded / minutes, 1));
    }
}
