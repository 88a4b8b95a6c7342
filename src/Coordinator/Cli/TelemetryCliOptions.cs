using System.CommandLine;
using SweLancer.Hosting.Telemetry;

namespace SweLancer.Coordinator.Cli;

/// <summary>
/// The telemetry options of a command (<c>--metrics-port</c>, <c>--metrics-linger-seconds</c>), and starting the SDK
/// with them. Everything else comes from the standard OTEL_* environment variables (see docs/observability.md).
/// </summary>
public sealed class TelemetryCliOptions
{
    private readonly Option<int?> _port = new("--metrics-port")
    {
        Description = $"Serve Prometheus metrics on this port (http://localhost:PORT/metrics). Default: ${TelemetrySettings.PortVariable}, else off.",
    };

    private readonly Option<int> _linger = new("--metrics-linger-seconds")
    {
        Description = "Keep serving metrics this long after the sweep ends, so Prometheus scrapes the final values.",
        DefaultValueFactory = _ => 0,
    };

    private TelemetryCliOptions()
    {
        _port.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 65535) r.AddError("--metrics-port must be from 1 to 65535."); });
        _linger.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--metrics-linger-seconds must be 0 or more."); });
    }

    public static TelemetryCliOptions AddTo(Command command)
    {
        var options = new TelemetryCliOptions();
        command.Options.Add(options._port);
        command.Options.Add(options._linger);
        return options;
    }

    /// <summary>Runs <paramref name="body"/> with telemetry on, then lingers (when serving metrics) before flushing and stopping.</summary>
    public async Task<int> RunAsync(ParseResult parsed, string nodeId, Func<Task<int>> body, CancellationToken cancellation)
    {
        using var telemetry = TelemetrySdk.Start(nodeId, parsed.GetValue(_port));
        if (telemetry.PrometheusUrl is { } url)
            Console.WriteLine($"metrics: {url}");
        var exit = await body();
        var linger = parsed.GetValue(_linger);
        if (telemetry.Settings.Prometheus && linger > 0 && !cancellation.IsCancellationRequested)
        {
            Console.WriteLine($"metrics: serving the final values for {linger} s");
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(linger), cancellation);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C ends the linger early; the sweep's result stands.
            }
        }
        return exit;
    }
}
