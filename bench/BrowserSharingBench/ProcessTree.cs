namespace SweLancer.Bench;

/// <summary>This process and its descendants (the Playwright driver and every Chromium process), read from /proc.</summary>
public static class ProcessTree
{
    private static readonly long PageSize = Environment.SystemPageSize;
    private static readonly double ClockTicks = 100; // USER_HZ: 100 on every Linux the grader runs on

    /// <summary>The pids of this process and all its live descendants.</summary>
    public static List<int> Members()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } fields && int.TryParse(fields[1], out var parent))
                parents[pid] = parent;
        }
        var self = Environment.ProcessId;
        return parents.Keys.Where(pid => Descends(pid, self, parents)).ToList();
    }

    /// <summary>Resident bytes summed over the tree; pages shared between processes count once per process.</summary>
    public static long ResidentBytes() => Members().Sum(pid =>
    {
        try
        {
            return long.Parse(File.ReadAllText($"/proc/{pid}/statm").Split(' ')[1]) * PageSize;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0L; // it ended meanwhile
        }
    });

    /// <summary>
    /// CPU seconds (user + system) the tree used so far: its live processes' own time plus that of the children they
    /// already reaped (a Chromium that exited is counted in its parent's cutime/cstime).
    /// </summary>
    public static double CpuSeconds() => Members().Sum(pid =>
    {
        var fields = Stat(pid);
        // Fields after the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
        return fields is null ? 0 : (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / ClockTicks;
    });

    /// <summary><see cref="CpuSeconds"/> split by command name (dotnet, node, chromium, ...).</summary>
    public static Dictionary<string, double> CpuSecondsByCommand()
    {
        var byCommand = new Dictionary<string, double>();
        foreach (var pid in Members())
        {
            if (Stat(pid) is not { } fields)
                continue;
            string command;
            try
            {
                command = File.ReadAllText($"/proc/{pid}/comm").Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var family = command.StartsWith("chrom", StringComparison.Ordinal) ? "chromium " + ChromiumType(pid) : command;
            byCommand[family] = byCommand.GetValueOrDefault(family) + (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / ClockTicks;
        }
        return byCommand;
    }

    /// <summary>The --type= of a Chromium process (renderer, gpu-process, utility, zygote), or "browser".</summary>
    private static string ChromiumType(int pid)
    {
        try
        {
            var type = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0').FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal));
            return type?["--type=".Length..] ?? "browser";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static bool Descends(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 64; depth++)
        {
            if (pid == ancestor)
                return true;
            if (!parents.TryGetValue(pid, out pid) || pid <= 1)
                return false;
        }
        return false;
    }

    /// <summary>/proc/PID/stat after the command name, which may hold spaces and so ends at the last ')'.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
