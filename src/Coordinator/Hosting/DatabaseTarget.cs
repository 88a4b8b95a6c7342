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
            return new(connectionString, PostgreSqlProvider, $"PostgreSQL ({WithoutPassword(connectionString)})");
        }

        if (keys.Contains("data source") || keys.Contains("datasource") || keys.Contains("filename"))
            return new(connectionString, SqliteProvider, $"SQLite ({SqliteWithoutPassword(connectionString)})");

        throw new ArgumentException(
            "--db must be a PostgreSQL connection string such as 'Host=127.0.0.1;Username=u;Password=p;Database=d' " +
            "or a SQLite one such as 'Data Source=sweep.db'; got a string with neither Host= nor Data Source=.");
    }

    // Npgsql's own parser: it knows the password's synonyms (Pwd, Psw) and quoted values with ';' in them.
    private static string WithoutPassword(string connectionString)
    {
        try
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "a connection string Npgsql cannot read, not shown";
        }
    }

    // An encrypted SQLite file (SQLCipher) takes a Password too.
    private static string SqliteWithoutPassword(string connectionString)
    {
        try
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            if (builder.Password.Length > 0)
                builder.Password = "";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "a connection string Microsoft.Data.Sqlite cannot read, not shown";
        }
    }
}
