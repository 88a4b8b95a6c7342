using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SweLancer.Coordinator.Hosting;

/// <summary>
/// Checks at start-up that the journal's database answers, waiting a while for one that is still starting (a pod next to
/// its database). A database that never answers ends the process with the reason instead of a silent, broken node.
/// </summary>
public static class DatabaseProbe
{
    public static async Task WaitAsync(DatabaseTarget db, TimeSpan patience, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + patience;
        var lastNotice = DateTime.MinValue;
        while (true)
        {
            try
            {
                await using var connection = Open(db);
                await connection.OpenAsync(cancellation);
                return;
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or TimeoutException)
            {
                if (DateTime.UtcNow >= deadline)
                    throw new IOException($"the journal database ({db.Description}) did not answer within {patience.TotalSeconds:0} s: {ex.Message}");
                if (DateTime.UtcNow - lastNotice > TimeSpan.FromSeconds(5))
                {
                    Console.WriteLine($"waiting for the journal database ({db.Description}): {ex.Message}");
                    lastNotice = DateTime.UtcNow;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }
    }

    internal static DbConnection Open(DatabaseTarget db) => db.IsSqlite
        ? new SqliteConnection(db.ConnectionString)
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Timeout = 5, Pooling = false }.ConnectionString);
}
