using Microsoft.Data.Sqlite;
using SweLancer.Coordinator.Hosting;

namespace SweLancer.Coordinator.Cli;

/// <summary>
/// Where a command finds one sweep's journal: the --db connection string when given, else SQLite at
/// &lt;out folder&gt;/sweep.db, where the out folder defaults to runs/&lt;sweep-id&gt; as for `sweep`.
/// </summary>
public sealed record SweepJournalLocation(string SweepId, DatabaseTarget Db, string LogPath)
{
    /// <param name="outOption">The option that named <paramref name="outDir"/> (or would have), for the error message.</param>
    /// <param name="dbOption">Likewise for <paramref name="db"/>.</param>
    /// <param name="problem">What is wrong, in words that name the option and the path, when the journal cannot be there.</param>
    public static SweepJournalLocation? Resolve(string sweepId, string? outDir, string? db, string outOption, string dbOption, out string? problem)
    {
        problem = null;
        var folder = Path.GetFullPath(outDir ?? Path.Combine("runs", sweepId));
        // Reading the journal logs Akka's warnings; beside the sweep's own log when its folder is here.
        var logPath = Directory.Exists(folder) ? Path.Combine(folder, "swelancer.log") : Path.Combine(Path.GetTempPath(), "swelancer-compare.log");
        if (db is null)
        {
            var file = Path.Combine(folder, "sweep.db");
            // Reading would create an empty SQLite file; a missing one means the sweep ran elsewhere.
            if (!File.Exists(file))
            {
                problem = $"no journal at {file} for sweep '{sweepId}'. Pass the folder it was swept into ({outOption}) or its journal database ({dbOption}).";
                return null;
            }

            return new SweepJournalLocation(sweepId, DatabaseTarget.SqliteFile(file), logPath);
        }

        DatabaseTarget target;
        try
        {
            target = DatabaseTarget.Parse(db);
        }
        catch (ArgumentException ex)
        {
            problem = $"{dbOption}: {ex.Message}";
            return null;
        }

        if (target.IsSqlite && SqliteFileOf(target) is { } sqlite && !File.Exists(sqlite))
        {
            problem = $"no journal at {sqlite} ({dbOption}) for sweep '{sweepId}'.";
            return null;
        }

        return new SweepJournalLocation(sweepId, target, logPath);
    }

    private static string? SqliteFileOf(DatabaseTarget target)
    {
        try
        {
            var source = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
