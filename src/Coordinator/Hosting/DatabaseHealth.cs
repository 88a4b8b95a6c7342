using System.Data.Common;

namespace SweLancer.Coordinator.Hosting;

/// <summary>The readiness probe's persistence check: the journal's database accepts a connection and answers a query.</summary>
public static class DatabaseHealth
{
    public static async Task<string?> CheckAsync(DatabaseTarget db, CancellationToken cancellation)
    {
        try
        {
            await using var connection = DatabaseProbe.Open(db);
            await connection.OpenAsync(cancellation);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellation);
            return null;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            return ex.Message;
        }
    }
}
