using Akka.Configuration;
using SweLancer.Hosting.Logging;
using SweLancer.Hosting.Nodes;


namespace SweLancer.Hosting.Cluster;

/// <summary>Cluster settings shared by every node; embedded mode is a one-node cluster with both roles.</summary>
public static class ClusterHocon
{
    public static Config For(NodeSettings node, IEnumerable<string> roles, string logLevel)
    {
        var roleList = string.Join(", ", roles.Select(Quote));
        var seeds = string.Join(", ", node.SeedNodes.Select(Quote));
        return ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = {{logLevel}}
              stdout-loglevel = ERROR
              loggers = ["{{typeof(FileLogger).FullName}}, {{typeof(FileLogger).Assembly.GetName().Name}}"]
              log-dead-letters = off
              log-dead-letters-during-shutdown = off
              actor.provider = cluster
              # A node restarted at the same address (a crashed pod coming back) must be reachable again at once; the
              # 5 s default gate can outlast a short down-after and get a healthy peer downed.
              remote.retry-gate-closed-for = 1s
              remote.dot-netty.tcp {
                hostname = {{Quote(node.BindHost)}}
                public-hostname = {{Quote(node.PublicHost)}}
                port = {{node.Port}}
              }
              cluster {
                roles = [{{roleList}}]
                # Every node gets the same ordered list (the Kubernetes way without Akka.Management).
                seed-nodes = [{{seeds}}]
                # A grader busy with containers and Chromium on a small machine can pause longer than the 3 s default;
                # a pause that short must not look like a dead node and get a healthy one downed.
                failure-detector.acceptable-heartbeat-pause = 10s
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = {{(int)node.DownAfter.TotalMilliseconds}}ms
                }
                sharding {
                  # The default 'persistence' store is deprecated; remember-entities stays off because
                  # the sweep redelivers unanswered work itself.
                  state-store-mode = ddata
                  remember-entities = off
                  passivate-idle-entity-after = 2m
                }
                run-coordinated-shutdown-when-down = on
              }
              # The process decides when to exit: it disposes its containers and browser after the system stops.
              coordinated-shutdown.exit-clr = off
              coordinated-shutdown.run-by-clr-shutdown-hook = off
            }
            """);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
