using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Summaries;

/// <summary>
/// An earnings curve cut down to what a chart can show: a sweep of 100,000 tasks has a step per passed task, megabytes
/// of JSON on every refresh of a 600-pixel chart.
/// </summary>
public static class EarningsCurve
{
    /// <summary>
    /// At most <paramref name="maxPoints"/> of the curve's own points: the span from its first point to its last is
    /// cut into that many equal slices, and each slice keeps its last point, the total reached by then. So the curve
    /// keeps its first and last point and its value at the end of every slice; steps inside a slice merge into one.
    /// </summary>
    public static IReadOnlyList<EarningsPoint> AtMost(IReadOnlyList<EarningsPoint> points, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (points.Count <= maxPoints)
            return points;
        var (first, last) = (points[0].At, points[^1].At);
        var kept = new List<EarningsPoint>(maxPoints) { points[0] };
        for (var i = 1; i < points.Count; i++)
            if (i == points.Count - 1 || SliceOf(points[i + 1].At, first, last, maxPoints) != SliceOf(points[i].At, first, last, maxPoints))
                kept.Add(points[i]);
        return kept;
    }

    // The first point is kept apart; the others fall in maxPoints - 1 equal slices of the span, each keeping its last point.
    private static int SliceOf(DateTimeOffset at, DateTimeOffset first, DateTimeOffset last, int maxPoints)
    {
        var span = (last - first).Ticks;
        return span == 0 ? 0 : (int)Math.Min(maxPoints - 2, (at - first).Ticks * (maxPoints - 1) / span);
    }

    /// <summary>
    /// <see cref="AtMost"/> of the tasks' curve (<see cref="CumulativeEarnings.Of"/>), in two passes over the tasks
    /// instead of a point per passed task and a sort: a live page asks for it on every refresh of a growing sweep.
    /// </summary>
    public static IReadOnlyList<EarningsPoint> Of(IReadOnlyList<TaskResult> tasks, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        // The curve's order: when the task first passed, then its id.
        static bool Before(TaskResult a, TaskResult b) =>
            a.EarnedAt!.Value != b.EarnedAt!.Value ? a.EarnedAt.Value < b.EarnedAt.Value : string.CompareOrdinal(a.QuestionId, b.QuestionId) < 0;

        var (passed, first, last) = (0, default(TaskResult), default(TaskResult));
        foreach (var task in tasks)
        {
            if (!task.Passed)
                continue;
            passed++;
            if (first is null || Before(task, first))
                first = task;
            if (last is null || Before(last, task))
                last = task;
        }

        if (passed <= maxPoints)
            return CumulativeEarnings.Of(tasks);

        // As AtMost: the first point apart, the others in maxPoints - 1 slices, each keeping its last point; the total
        // at that point is everything earned in its slice and the ones before.
        var (start, end) = (first!.EarnedAt!.Value, last!.EarnedAt!.Value);
        var slices = maxPoints - 1;
        var earned = new decimal[slices];
        var lastOf = new TaskResult?[slices];
        foreach (var task in tasks)
        {
            if (!task.Passed)
                continue;
            var slice = SliceOf(task.EarnedAt!.Value, start, end, maxPoints);
            earned[slice] += task.EarnedUsd;
            if (!ReferenceEquals(task, first) && (lastOf[slice] is not { } kept || Before(kept, task)))
                lastOf[slice] = task;
        }

        var points = new List<EarningsPoint>(maxPoints) { new(start, first.EarnedUsd, first.QuestionId) };
        var total = 0m;
        for (var slice = 0; slice < slices; slice++)
        {
            total += earned[slice];
            if (lastOf[slice] is { } ending)
                points.Add(new EarningsPoint(ending.EarnedAt!.Value, total, ending.QuestionId));
        }

        return points;
    }
}
