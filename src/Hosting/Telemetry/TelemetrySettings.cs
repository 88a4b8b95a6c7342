namespace SweLancer.Hosting.Telemetry;

/// <summary>
/// Which exporters a process runs, decided from the standard OpenTelemetry environment variables plus a Prometheus port:
/// <list type="bullet">
/// <item><c>OTEL_SDK_DISABLED=true</c> turns everything off.</item>
/// <item>OTLP (traces and metrics) is on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or the signal's own
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>_METRICS_ENDPOINT</c>) is set; the exporter itself reads the protocol,
/// headers and timeouts from the other <c>OTEL_EXPORTER_OTLP_*</c> variables.</item>
/// <item>The Prometheus endpoint is on when a port is given (<c>--metrics-port</c>, <c>SWELANCER_METRICS_PORT</c> or
/// <c>OTEL_EXPORTER_PROMETHEUS_PORT</c>), or when <c>OTEL_METRICS_EXPORTER</c> names <c>prometheus</c> (port 9464).</item>
/// <item><c>OTEL_METRICS_EXPORTER</c> / <c>OTEL_TRACES_EXPORTER</c>, when set, list the exporters allowed
/// (<c>otlp</c>, <c>prometheus</c>, <c>none</c>): <c>OTEL_METRICS_EXPORTER=otlp</c> turns just Prometheus off,
/// <c>OTEL_METRICS_EXPORTER=prometheus</c> with <c>OTEL_TRACES_EXPORTER=none</c> just OTLP.</item>
/// </list>
/// </summary>
public sealed record TelemetrySettings(bool OtlpTraces, bool OtlpMetrics, string? PrometheusHost, int? PrometheusPort)
{
    public const int DefaultPrometheusPort = 9464;
    public const string PortVariable = "SWELANCER_METRICS_PORT";

    public bool Prometheus => PrometheusPort is not null;

    public bool Any => OtlpTraces || OtlpMetrics || Prometheus;

    public static TelemetrySettings None { get; } = new(false, false, null, null);

    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="metricsPort">A port given on the command line; it wins over the environment.</param>
    /// <exception cref="ArgumentException">A port is not a number from 1 to 65535.</exception>
    public static TelemetrySettings From(Func<string, string?> environment, int? metricsPort = null)
    {
        string? Get(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (string.Equals(Get("OTEL_SDK_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
            return None;

        var metricsExporters = Exporters(Get("OTEL_METRICS_EXPORTER"));
        var tracesExporters = Exporters(Get("OTEL_TRACES_EXPORTER"));
        bool Allows(IReadOnlySet<string>? listed, string exporter) => listed is null || listed.Contains(exporter);

        var otlpEndpoint = Get("OTEL_EXPORTER_OTLP_ENDPOINT") is not null;
        var otlpTraces = Allows(tracesExporters, "otlp") && (otlpEndpoint || Get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") is not null);
        var otlpMetrics = Allows(metricsExporters, "otlp") && (otlpEndpoint || Get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") is not null);

        var port = metricsPort
                   ?? Port(Get(PortVariable), PortVariable)
                   ?? Port(Get("OTEL_EXPORTER_PROMETHEUS_PORT"), "OTEL_EXPORTER_PROMETHEUS_PORT")
                   ?? (metricsExporters?.Contains("prometheus") == true ? DefaultPrometheusPort : null);
        if (port is < 1 or > 65535)
            throw new ArgumentException($"the metrics port must be from 1 to 65535, not {port}");
        var prometheus = Allows(metricsExporters, "prometheus") ? port : null;

        return new TelemetrySettings(otlpTraces, otlpMetrics, prometheus is null ? null : Get("OTEL_EXPORTER_PROMETHEUS_HOST") ?? "localhost", prometheus);
    }

    private static IReadOnlySet<string>? Exporters(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).ToHashSet();

    private static int? Port(string? text, string variable) =>
        text is null ? null
        : int.TryParse(text, out var port) ? port
        : throw new ArgumentException($"{variable}={text} is not a port number");
}
