using System.Globalization;

namespace SweLancer.Bench;

/// <summary>
/// The whole machine's busy CPU time from /proc/stat (every process: dockerd, containerd, runc, the shims, the
/// containers and this bench), so a round's cost can be told apart from its makespan: on saturated cores, moving work off
/// an attempt's path does not shorten the round; only less work does.
/// </summary>
internal static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    /// <summary>Busy seconds since boot (user, nice, system, irq, softirq, steal), or null where /proc/stat is absent.</summary>
    public static double? BusySeconds()
    {
        if (!File.Exists("/proc/stat"))
            return null;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => fields.Length > i ? long.Parse(fields[i], CultureInfo.InvariantCulture) : 0;
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / TicksPerSecond;
    }

    /// <summary>Busy seconds between two readings, or null when either is missing.</summary>
    public static double? Between(double? before, double? after) => before is { } b && after is { } a ? a - b : null;
}
