using SweLancer.Hosting.Telemetry;
using Xunit;

namespace SweLancer.Tests.Hosting.Telemetry;

/// <summary>Which exporters the OTEL_* environment and a metrics port switch on.</summary>
public sealed class TelemetrySettingsSpec
{
    private static TelemetrySettings From(int? port = null, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return TelemetrySettings.From(name => environment.GetValueOrDefault(name), port);
    }

    [Fact]
    public void Nothing_is_exported_unless_asked()
    {
        Assert.Equal(TelemetrySettings.None, From());
        Assert.False(From().Any);
    }

    [Fact]
    public void An_otlp_endpoint_turns_on_traces_and_metrics()
    {
        var settings = From(null, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));

        Assert.Equal((true, true, false), (settings.OtlpTraces, settings.OtlpMetrics, settings.Prometheus));
    }

    [Fact]
    public void A_signal_endpoint_turns_on_only_that_signal()
    {
        var settings = From(null, ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"));

        Assert.Equal((true, false), (settings.OtlpTraces, settings.OtlpMetrics));
    }

    [Fact]
    public void The_command_line_port_wins_over_the_environment_and_serves_on_localhost()
    {
        var settings = From(9100, (TelemetrySettings.PortVariable, "9200"), ("OTEL_EXPORTER_PROMETHEUS_PORT", "9300"));

        Assert.Equal(("localhost", 9100), (settings.PrometheusHost, settings.PrometheusPort));
        Assert.Equal(9200, From(null, (TelemetrySettings.PortVariable, "9200"), ("OTEL_EXPORTER_PROMETHEUS_PORT", "9300")).PrometheusPort);
        Assert.Equal(9300, From(null, ("OTEL_EXPORTER_PROMETHEUS_PORT", "9300")).PrometheusPort);
    }

    [Fact]
    public void Naming_prometheus_as_the_metrics_exporter_serves_the_standard_port_and_host()
    {
        var settings = From(null, ("OTEL_METRICS_EXPORTER", "prometheus"), ("OTEL_EXPORTER_PROMETHEUS_HOST", "0.0.0.0"));

        Assert.Equal(("0.0.0.0", TelemetrySettings.DefaultPrometheusPort), (settings.PrometheusHost, settings.PrometheusPort));
    }

    [Fact]
    public void The_exporter_lists_turn_off_one_exporter_and_keep_the_other()
    {
        var justOtlp = From(9100, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), ("OTEL_METRICS_EXPORTER", "otlp"));
        var justPrometheus = From(9100, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), ("OTEL_METRICS_EXPORTER", "prometheus"), ("OTEL_TRACES_EXPORTER", "none"));

        Assert.Equal((true, true, false), (justOtlp.OtlpTraces, justOtlp.OtlpMetrics, justOtlp.Prometheus));
        Assert.Equal((false, false, true), (justPrometheus.OtlpTraces, justPrometheus.OtlpMetrics, justPrometheus.Prometheus));
    }

    [Fact]
    public void The_sdk_off_switch_wins_over_everything()
    {
        var settings = From(9100, ("OTEL_SDK_DISABLED", "TRUE"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"));

        Assert.Equal(TelemetrySettings.None, settings);
    }

    [Fact]
    public void A_port_that_is_not_a_port_is_refused_with_the_variable_named()
    {
        var notNumber = Assert.Throws<ArgumentException>(() => From(null, (TelemetrySettings.PortVariable, "nine")));
        Assert.Contains(TelemetrySettings.PortVariable, notNumber.Message);
        Assert.Throws<ArgumentException>(() => From(70000));
    }
}
