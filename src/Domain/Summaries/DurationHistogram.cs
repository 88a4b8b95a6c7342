namespace SweLancer.Domain.Summaries;

/// <summary>Attempts whose grading took from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive).</summary>
public sealed record DurationBucket(TimeSpan From, TimeSpan To, int Count);

/// <summary>How long grading attempts took (FinishedAt − StartedAt), in equal buckets of a round width.</summary>
public sealed record DurationHistogram(IReadOnlyList<DurationBucket> Buckets, int Attempts, TimeSpan Median, TimeSpan P95, TimeSpan Max)
{
    public const int MaxBuckets = 12;

    /// <summary>Round widths, so the axis reads 0, 2 s, 4 s… rather than 0, 1.37 s, 2.74 s. Whole ticks keep bucketing exact.</summary>
    private static readonly TimeSpan[] Widths =
    [
        .. new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500 }.Select(ms => TimeSpan.FromMilliseconds(ms)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(s => TimeSpan.FromSeconds(s)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(m => TimeSpan.FromMinutes(m)),
        .. new[] { 1, 2, 4, 8, 24 }.Select(h => TimeSpan.FromHours(h)),
    ];

    public static DurationHistogram Of(IEnumerable<TimeSpan> durations)
    {
        // A clock step backwards between start and finish is not a negative grading time.
        var sorted = durations.Select(d => d < TimeSpan.Zero ? TimeSpan.Zero : d).Order().ToList();
        if (sorted.Count == 0)
            return new DurationHistogram([], 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

        var max = sorted[^1];
        var width = WidthFor(max);
        var counts = new int[max.Ticks / width.Ticks + 1];
        foreach (var d in sorted)
            counts[d.Ticks / width.Ticks]++;

        var buckets = counts.Select((count, i) => new DurationBucket(width * i, width * (i + 1), count)).ToList();
        return new DurationHistogram(buckets, sorted.Count, Percentile(sorted, 0.5), Percentile(sorted, 0.95), max);
    }

    /// <summary>The smallest round width that covers the longest duration in at most <see cref="MaxBuckets"/> buckets.</summary>
    private static TimeSpan WidthFor(TimeSpan max)
    {
        foreach (var width in Widths)
            if (max.Ticks / width.Ticks + 1 <= MaxBuckets)
                return width;
        return TimeSpan.FromDays(max.Ticks / TimeSpan.FromDays(1).Ticks / MaxBuckets + 1);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
