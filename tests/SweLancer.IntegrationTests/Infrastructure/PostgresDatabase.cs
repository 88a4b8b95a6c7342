using Npgsql;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database on the real PostgreSQL server that ./test.sh starts (scripts/setup-services.sh), dropped afterwards.
/// The server is found through SWELANCER_TEST_POSTGRES, defaulting to the role that script creates.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "SWELANCER_TEST_POSTGRES";
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=swelancer;Password=swelancer;Database=postgres";

    private readonly string _server;
    private readonly string _name;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Unpooled(Environment.GetEnvironmentVariable(EnvironmentVariable) ?? DefaultServer);
        var name = "swelancer_it_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at '{Redacted(server)}' ({ex.Message}). Run the tests with ./test.sh, which installs " +
                $"and starts it, or point {EnvironmentVariable} at a server where the role may create databases.", ex);
        }

        return new PostgresDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    // Outage specs restart the server; a pooled connection from before would fail the next spec with 57P01.
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static string Redacted(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
