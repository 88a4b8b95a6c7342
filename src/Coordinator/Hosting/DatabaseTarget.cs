namespace SweLancer.Coordinator.Hosting;

/// <summary>Where the journal lives: an embedded SQLite file, or a PostgreSQL server. Only the configuration differs.</summary>
public sealed record DatabaseTarget(string ConnectionString, string ProviderName, string Description)
{
    public const string SqliteProvider = "SQLite.MS";
    public const string PostgreSqlProvider = "PostgreSQL.15";

    public bool IsSqlite => ProviderName == SqliteProvider;

    public static DatabaseTarget SqliteFile(string path) =>
        new($"Data Source={Path.GetFullPath(path)}", SqliteProvider, $"SQLite {Path.GetFullPath(path)}");

    /// <summary>Reads a --db value: a PostgreSQL connection string (Host=…) or a SQLite one (Data Source=…).</summary>
    public static DatabaseTarget Parse(string connectionString)
    {
        var keys = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToLowerInvariant())
            .ToHashSet();

        if (keys.Contains("host") || keys.Contains("server"))
        {
            var safe = string.Join(';', connectionString.Split(';')
                .Where(p => !p.Trim().StartsWith("password", StringComparison.OrdinalIgnoreCase)));
            return new(connectionString, PostgreSqlProvider, $"PostgreSQL ({safe})");
        }

        if (keys.Contains("data source") || keys.Contains("datasource") || keys.Contains("filename"))
            return new(connectionString, SqliteProvider, $"SQLite ({connectionString})");

        throw new ArgumentException(
            "--db must be a PostgreSQL connection string such as 'Host=127.0.0.1;Username=u;Password=p;Database=d' " +
            "or a SQLite one such as 'Data Source=sweep.db'; got a string with neither Host= nor Data Source=.");
    }
}
