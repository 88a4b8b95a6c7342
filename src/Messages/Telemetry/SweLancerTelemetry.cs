using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SweLancer.Messages.Telemetry;

/// <summary>
/// The project's one meter and one activity source, both named <see cref="Name"/>: every instrument and span of every
/// node hangs off these, so one name switches all of it on in an exporter.
/// </summary>
public static class SweLancerTelemetry
{
    public const string Name = "SweLancer";

    private static readonly string? Version = typeof(SweLancerTelemetry).Assembly.GetName().Version?.ToString();

    public static Meter Meter { get; } = new(Name, Version);

    public static ActivitySource Source { get; } = new(Name, Version);
}
