using Akka.Configuration;
using Akka.Persistence.Sql;

namespace SweLancer.Coordinator.Hosting;

/// <summary>
/// Akka.Persistence.Sql journal, snapshot store and query journal on one database. Events carry no tags: with
/// linq2db 6 the plugin reads each row's tags with a subquery that scans the whole tag table, so every tagged result
/// made every later read slower (quadratic over a sweep, and in recovery). Readers follow a sweep by its persistence id.
/// </summary>
public static class PersistenceHocon
{
    public static Config For(DatabaseTarget db)
    {
        var connection = Quote(db.ConnectionString);
        var provider = Quote(db.ProviderName);
        var hocon = $$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  table-mapping = default
                  auto-initialize = on
                  # A large sweep's plan and snapshots are megabytes; the 10 s default cut such writes off.
                  circuit-breaker.call-timeout = 60s
                  # After a database outage the breaker stays open this long; the 30 s default delayed recovery as much.
                  circuit-breaker.reset-timeout = 5s
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  table-mapping = default
                  auto-initialize = on
                  circuit-breaker.call-timeout = 60s
                  circuit-breaker.reset-timeout = 5s
                }
              }
              query.journal.sql {
                connection-string = {{connection}}
                provider-name = {{provider}}
                table-mapping = default
                write-plugin = "akka.persistence.journal.sql"
                # The 1 s defaults make the live ledger lag; these gave about 140 ms here.
                refresh-interval = 200ms
                max-buffer-size = 5000
                journal-sequence-retrieval.query-delay = 100ms
              }
            }
            """;
        var config = ConfigurationFactory.ParseString(hocon);
        if (db.IsSqlite)
            config = ConfigurationFactory.ParseString(SqliteTuning).WithFallback(config);
        return config.WithFallback(SqlPersistence.DefaultConfiguration);
    }

    // SQLite has one writer at a time, and a connection that finds the database locked sleeps 150 ms before it retries
    // (Microsoft.Data.Sqlite), so any contention stalls the sweep for whole steps of that:
    // - the plugin's 3 parallel journal writers raced each other for the lock: one writer, larger batches;
    // - reads opened at an unspecified isolation level begin IMMEDIATE, i.e. take the write lock, so the ledger's tag
    //   query (every 200 ms) and the sequence scan (every 100 ms) blocked the writer. read-uncommitted begins a deferred
    //   transaction instead; in WAL mode without a shared cache readers still see only committed rows.
    private const string SqliteTuning = """
        akka.persistence.journal.sql.parallelism = 1
        akka.persistence.journal.sql.batch-size = 400
        akka.persistence.journal.sql.read-isolation-level = read-uncommitted
        akka.persistence.snapshot-store.sql.read-isolation-level = read-uncommitted
        akka.persistence.query.journal.sql.read-isolation-level = read-uncommitted
        """;

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
