using Akka.Configuration;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Cluster settings shared by every node; embedded mode is a one-node cluster with both roles.</summary>
public static class ClusterHocon
{
    public static Config For(string hostname, int port, IEnumerable<string> roles, string logLevel)
    {
        var roleList = string.Join(", ", roles.Select(r => $"\"{r}\""));
        return ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = {{logLevel}}
              stdout-loglevel = ERROR
              loggers = ["{{typeof(FileLogger).FullName}}, {{typeof(FileLogger).Assembly.GetName().Name}}"]
              log-dead-letters = off
              log-dead-letters-during-shutdown = off
              actor.provider = cluster
              remote.dot-netty.tcp {
                hostname = "{{hostname}}"
                port = {{port}}
              }
              cluster {
                roles = [{{roleList}}]
                sharding {
                  # The default 'persistence' store is deprecated; remember-entities stays off because
                  # the sweep redelivers unanswered work itself.
                  state-store-mode = ddata
                  remember-entities = off
                  passivate-idle-entity-after = 2m
                }
                run-coordinated-shutdown-when-down = on
              }
              coordinated-shutdown.exit-clr = off
            }
            """);
    }
}
