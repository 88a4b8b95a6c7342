using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SweLancer.Messages.Telemetry;

namespace SweLancer.Hosting.Telemetry;

/// <summary>
/// The OpenTelemetry SDK for one process: the project's meter and activity source, exported as
/// <see cref="TelemetrySettings"/> says. Every process (embedded sweep, coordinator, grader node) calls
/// <see cref="Start(string, int?)"/> once at start-up and disposes the result at exit, which flushes what is still buffered.
/// </summary>
public sealed class TelemetrySdk : IDisposable
{
    private readonly MeterProvider? _meters;
    private readonly TracerProvider? _tracer;

    private TelemetrySdk(TelemetrySettings settings, MeterProvider? meters, TracerProvider? tracer)
    {
        Settings = settings;
        _meters = meters;
        _tracer = tracer;
    }

    public TelemetrySettings Settings { get; }

    /// <summary>Where Prometheus scrapes this process, when it serves the endpoint.</summary>
    public string? PrometheusUrl => Settings.Prometheus ? $"http://{Settings.PrometheusHost}:{Settings.PrometheusPort}/metrics" : null;

    /// <summary>Starts the exporters the environment asks for (none by default).</summary>
    /// <param name="nodeId">This process's name in the cluster: the resource's <c>service.instance.id</c>.</param>
    /// <param name="metricsPort">A Prometheus port from the command line; wins over the environment.</param>
    /// <exception cref="ArgumentException">A setting is malformed.</exception>
    /// <exception cref="InvalidOperationException">The Prometheus endpoint cannot listen (e.g. the port is taken).</exception>
    public static TelemetrySdk Start(string nodeId, int? metricsPort = null) =>
        Start(TelemetrySettings.From(Environment.GetEnvironmentVariable, metricsPort), nodeId);

    public static TelemetrySdk Start(TelemetrySettings settings, string nodeId)
    {
        if (!settings.Any)
            return new TelemetrySdk(settings, null, null);

        // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, read last, win over these defaults.
        var resource = ResourceBuilder.CreateEmpty()
            .AddService("swelancer", serviceInstanceId: nodeId)
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();

        TracerProvider? tracer = null;
        if (settings.OtlpTraces)
        {
            tracer = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(SweLancerTelemetry.Name)
                .AddOtlpExporter()
                .Build();
        }

        MeterProvider? meters = null;
        if (settings.OtlpMetrics || settings.Prometheus)
        {
            var builder = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter(SweLancerTelemetry.Name);
            if (settings.OtlpMetrics)
                builder.AddOtlpExporter();
            if (settings.Prometheus)
                builder.AddPrometheusHttpListener(o => (o.Host, o.Port) = (settings.PrometheusHost!, settings.PrometheusPort!.Value));
            try
            {
                meters = builder.Build();
            }
            catch (HttpListenerException ex)
            {
                tracer?.Dispose();
                throw new InvalidOperationException(
                    $"cannot serve Prometheus metrics on {settings.PrometheusHost}:{settings.PrometheusPort}: {ex.Message}", ex);
            }
        }

        return new TelemetrySdk(settings, meters, tracer);
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meters?.Dispose();
    }
}
