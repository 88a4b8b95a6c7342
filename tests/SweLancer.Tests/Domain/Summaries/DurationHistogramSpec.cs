using SweLancer.Domain.Summaries;
using Xunit;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class DurationHistogramSpec
{
    private static DurationHistogram Of(params double[] seconds) => DurationHistogram.Of(seconds.Select(TimeSpan.FromSeconds));

    [Fact]
    public void Buckets_have_the_smallest_round_width_that_fits_the_longest_attempt_in_twelve()
    {
        var histogram = Of(0.4, 1.2, 3, 3.9, 4, 21.5);

        // 21.5 s needs 2 s buckets: 1 s would take 22.
        Assert.Equal(TimeSpan.FromSeconds(2), histogram.Buckets[0].To - histogram.Buckets[0].From);
        Assert.Equal(11, histogram.Buckets.Count);
        Assert.Equal([2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 1], histogram.Buckets.Select(b => b.Count));
        Assert.Equal(6, histogram.Attempts);
    }

    [Fact]
    public void A_duration_on_a_bucket_edge_falls_into_the_upper_bucket()
    {
        var histogram = Of(0, 5, 10);

        Assert.Equal(TimeSpan.FromSeconds(1), histogram.Buckets[0].To);
        Assert.Equal(11, histogram.Buckets.Count);
        Assert.Equal(1, histogram.Buckets[5].Count);
        Assert.Equal(1, histogram.Buckets[10].Count);
        Assert.Equal(TimeSpan.FromSeconds(10), histogram.Buckets[10].From);
    }

    [Fact]
    public void Median_and_95th_percentile_are_nearest_rank_and_the_maximum_is_the_longest()
    {
        var histogram = Of(Enumerable.Range(1, 100).Select(i => (double)i).ToArray());

        Assert.Equal((TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(95), TimeSpan.FromSeconds(100)), (histogram.Median, histogram.P95, histogram.Max));
        Assert.True(histogram.Buckets.Count <= DurationHistogram.MaxBuckets);
        Assert.Equal(100, histogram.Buckets.Sum(b => b.Count));
    }

    [Fact]
    public void Negative_durations_from_a_clock_step_count_as_zero_and_no_attempts_give_no_buckets()
    {
        Assert.Equal(TimeSpan.Zero, Of(-3, 0.0004).Buckets[0].From);
        Assert.Equal(2, Of(-3, 0.0004).Buckets[0].Count);
        Assert.Empty(Of().Buckets);
    }

    [Fact]
    public void Hours_long_attempts_get_minute_or_hour_buckets()
    {
        var histogram = Of(30, 3 * 3600 + 5);

        Assert.Equal(TimeSpan.FromMinutes(30), histogram.Buckets[0].To);
        Assert.Equal(7, histogram.Buckets.Count);
    }
}
