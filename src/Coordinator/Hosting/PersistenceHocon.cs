using Akka.Configuration;
using Akka.Persistence.Sql;
using SweLancer.Coordinator.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Akka.Persistence.Sql journal, snapshot store and query journal on one database, with result tagging.</summary>
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
                  event-adapters.sweep-tags = "{{typeof(SweepTaggingAdapter).AssemblyQualifiedName}}"
                  event-adapter-bindings {
                    "{{typeof(TaskGraded).FullName}}, {{typeof(TaskGraded).Assembly.GetName().Name}}" = sweep-tags
                  }
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
        return ConfigurationFactory.ParseString(hocon).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
