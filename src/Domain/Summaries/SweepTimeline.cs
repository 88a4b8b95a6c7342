using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Summaries;

/// <summary>Attempts that finished in one bucket of a <see cref="SweepTimeline"/>, by outcome.</summary>
public sealed record ThroughputBucket(DateTimeOffset Start, int Passed, int Failed, int SystemError);

/// <summary>
/// What the status page charts, computed here so the page draws numbers and computes none: the earnings curve from the
/// one per-task fold (a task earns once, when its first passing attempt finished), and attempts finished per bucket.
/// </summary>
public sealed record SweepTimeline(
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    decimal EarnedUsd,
    IReadOnlyList<EarningsPoint> Earnings,
    int BucketSeconds,
    IReadOnlyList<ThroughputBucket> Throughput)
{
    // Round bucket widths, the smallest giving at most MaxBuckets buckets.
    private static readonly int[] BucketSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
    public const int MaxBuckets = 40;

    /// <summary>The most points the earnings curve keeps (see <see cref="EarningsCurve.AtMost"/>): the page's chart is 600 wide.</summary>
    public const int MaxEarningsPoints = 600;

    public static SweepTimeline Of(IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results) => Of(TaskResult.Of(plan, results));

    public static SweepTimeline Of(IReadOnlyList<TaskResult> tasks)
    {
        var attempts = tasks.SelectMany(t => t.Attempts).ToList();
        var earnings = EarningsCurve.Of(tasks, MaxEarningsPoints);
        var earned = tasks.Sum(t => t.EarnedUsd);
        if (attempts.Count == 0)
            return new SweepTimeline(null, null, earned, earnings, BucketSteps[0], []);

        var start = attempts.Min(a => a.StartedAt);
        var end = attempts.Max(a => a.FinishedAt);
        var span = Math.Max(1, (end - start).TotalSeconds);
        var bucket = BucketSteps.FirstOrDefault(s => span / s <= MaxBuckets, BucketSteps[^1]);
        var count = Math.Max(1, (int)Math.Ceiling(span / bucket));
        var counts = new int[count, 3];
        foreach (var a in attempts)
        {
            var i = Math.Clamp((int)Math.Floor((a.FinishedAt - start).TotalSeconds / bucket), 0, count - 1);
            counts[i, (int)a.Outcome]++;
        }

        var buckets = Enumerable.Range(0, count)
            .Select(i => new ThroughputBucket(start.AddSeconds(i * bucket), counts[i, (int)GradeOutcome.Passed],
                counts[i, (int)GradeOutcome.Failed], counts[i, (int)GradeOutcome.SystemError]))
            .ToList();
        return new SweepTimeline(start, end, earned, earnings, bucket, buckets);
    }
}
