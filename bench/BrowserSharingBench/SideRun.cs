using System.Globalization;

namespace SweLancer.Bench;

/// <summary>One side's measured run: makespan (first test's start to last test's end), per-test times, the process tree's
/// CPU seconds in that window (robust to other load on a shared machine), what failed.</summary>
public sealed record SideRun(string Mode, int Round, double MakespanSeconds, int Tests, int Passed, double P50, double P95, int ChromiumLaunches,
    long PeakRssBytes, double CpuSeconds, IReadOnlyList<string> Failures)
{
    public static SideRun From(string mode, int round, double makespan, double[] durations, string?[] reasons, int launches, long peakRss, double cpuSeconds)
    {
        var failures = reasons.Where(r => r is not null).Select(r => r!).ToList();
        return new SideRun(mode, round, makespan, durations.Length, durations.Length - failures.Count,
            Stats.Percentile(durations, 0.5), Stats.Percentile(durations, 0.95), launches, peakRss, cpuSeconds, failures);
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"round {Round} {Mode,-8}: makespan {MakespanSeconds,6:F2} s, {Tests / MakespanSeconds,5:F2} tests/s, per test p50 {P50:F2} s p95 {P95:F2} s, " +
        $"Chromium launches {ChromiumLaunches}, peak RSS {PeakRssBytes / (1024.0 * 1024):F0} MiB, CPU {CpuSeconds:F1} s, passed {Passed}/{Tests}");
}

public static class Stats
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    /// <summary>Linear interpolation between closest ranks.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
