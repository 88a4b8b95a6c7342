using System.Globalization;

namespace SweLancer.Coordinator.Reports;

/// <summary>Durations, instants and chart coordinates as report.html shows them, culture-independent.</summary>
public static class ReportFormat
{
    public static string Duration(TimeSpan d)
    {
        if (d < TimeSpan.FromSeconds(1))
            return $"{d.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
        if (d < TimeSpan.FromMinutes(1))
            return $"{d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
        if (d < TimeSpan.FromHours(1))
            return $"{(int)d.TotalMinutes} min {d.Seconds:00} s";
        return $"{(int)d.TotalHours} h {d.Minutes:00} min";
    }

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>SVG coordinates: invariant, two decimals at most.</summary>
    public static string Coord(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A round axis maximum at or above <paramref name="value"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0)
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * power >= value * (1 - 1e-12))
                return step * power;
        return 10 * power;
    }
}
