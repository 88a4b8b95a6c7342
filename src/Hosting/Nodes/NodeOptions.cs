using System.CommandLine;
using Akka.Actor;


namespace SweLancer.Hosting.Nodes;

/// <summary>The flags (and environment variables) every cluster process takes: where it listens, which cluster it joins, its log and metrics.</summary>
public sealed class NodeOptions
{
    public const int DefaultPort = 4053;

    private readonly Option<string> _host = new("--host")
    {
        Description = "Address to bind the cluster port to [env SWELANCER_HOST].",
        DefaultValueFactory = EnvironmentDefault.String("SWELANCER_HOST", "127.0.0.1"),
    };

    private readonly Option<string?> _publicHost = new("--public-host")
    {
        Description = "Address other nodes reach this one at; default: --host [env SWELANCER_PUBLIC_HOST].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_PUBLIC_HOST"),
    };

    private readonly Option<int> _port;

    private readonly Option<string?> _seeds = new("--seed-nodes")
    {
        Description = "Comma-separated seed node addresses (akka.tcp://swelancer@HOST:PORT), the same ordered list on every node [env SWELANCER_SEED_NODES].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_SEED_NODES"),
    };

    private readonly Option<int> _downAfter = new("--down-after-seconds")
    {
        Description = "Seconds an unreachable node may stay so before the split brain resolver (keep-majority) downs it [env SWELANCER_DOWN_AFTER_SECONDS].",
        DefaultValueFactory = EnvironmentDefault.Int("SWELANCER_DOWN_AFTER_SECONDS", 20),
    };

    private readonly Option<string> _log = new("--log")
    {
        Description = "Akka's log file, or - for standard output [env SWELANCER_LOG].",
        DefaultValueFactory = EnvironmentDefault.String("SWELANCER_LOG", "-"),
    };

    private readonly Option<int> _joinTimeout = new("--join-timeout-seconds")
    {
        Description = "Give up (exit 1) when no seed node answers within this many seconds [env SWELANCER_JOIN_TIMEOUT_SECONDS].",
        DefaultValueFactory = EnvironmentDefault.Int("SWELANCER_JOIN_TIMEOUT_SECONDS", 120),
    };

    private readonly Option<int?> _metricsPort = new("--metrics-port")
    {
        Description = "Serve Prometheus metrics on this port [env SWELANCER_METRICS_PORT]; off by default. OTLP export follows the OTEL_* variables.",
    };

    private readonly RemotingTlsOptions _tls = new();

    public NodeOptions(int defaultPort)
    {
        _joinTimeout.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--join-timeout-seconds must be at least 1."); });
        _metricsPort.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 65535) r.AddError("--metrics-port must be from 1 to 65535."); });
        _port = new Option<int>("--port")
        {
            Description = $"Cluster (remoting) port; 0 picks a free one [env SWELANCER_PORT].",
            DefaultValueFactory = EnvironmentDefault.Int("SWELANCER_PORT", defaultPort),
        };
        _port.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be between 0 and 65535."); });
        _downAfter.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--down-after-seconds must be at least 1."); });
        _host.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("--host must not be empty."); });
        _seeds.Validators.Add(r =>
        {
            foreach (var problem in SeedProblems(r.GetValueOrDefault<string?>()))
                r.AddError(problem);
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_host);
        command.Options.Add(_publicHost);
        command.Options.Add(_port);
        command.Options.Add(_seeds);
        command.Options.Add(_downAfter);
        command.Options.Add(_log);
        command.Options.Add(_joinTimeout);
        command.Options.Add(_metricsPort);
        _tls.AddTo(command);
    }

    public string LogPath(ParseResult parsed) => parsed.GetValue(_log)!;

    public TimeSpan JoinTimeout(ParseResult parsed) => TimeSpan.FromSeconds(parsed.GetValue(_joinTimeout));

    public int? MetricsPort(ParseResult parsed) => parsed.GetValue(_metricsPort);

    public NodeSettings Read(ParseResult parsed)
    {
        var host = parsed.GetValue(_host)!;
        return new NodeSettings(
            host,
            parsed.GetValue(_publicHost) ?? host,
            parsed.GetValue(_port),
            SplitSeeds(parsed.GetValue(_seeds)),
            TimeSpan.FromSeconds(parsed.GetValue(_downAfter)),
            _tls.Read(parsed));
    }

    public static IReadOnlyList<string> SplitSeeds(string? seeds) =>
        (seeds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Each seed must be a full Akka address of this system, with a port.</summary>
    public static IEnumerable<string> SeedProblems(string? seeds)
    {
        foreach (var seed in SplitSeeds(seeds))
        {
            Address? address = null;
            try
            {
                address = Address.Parse(seed);
            }
            catch (Exception ex) when (ex is UriFormatException or ArgumentException or FormatException)
            {
            }

            if (address is null || address.Host is null || address.Port is null or <= 0)
                yield return $"--seed-nodes: '{seed}' is not an address like akka.tcp://{NodeSettings.SystemName}@HOST:PORT.";
            else if (address.System != NodeSettings.SystemName)
                yield return $"--seed-nodes: '{seed}' names actor system '{address.System}'; every node's system is '{NodeSettings.SystemName}'.";
        }
    }
}
