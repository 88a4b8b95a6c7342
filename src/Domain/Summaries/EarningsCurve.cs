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
        var first = points[0].At;
        var span = (points[^1].At - first).Ticks;
        var kept = new List<EarningsPoint>(maxPoints) { points[0] };
        for (var i = 1; i < points.Count; i++)
            if (i == points.Count - 1 || SliceOf(points[i + 1].At) != SliceOf(points[i].At))
                kept.Add(points[i]);
        return kept;

        // The first point is kept apart; the others fall in maxPoints - 1 slices, each keeping its last point.
        long SliceOf(DateTimeOffset at) => span == 0 ? 0 : Math.Min(maxPoints - 2, (at - first).Ticks * (maxPoints - 1) / span);
    }
}
