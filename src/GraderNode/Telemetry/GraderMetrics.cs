using System.Diagnostics.Metrics;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Telemetry;

/// <summary>The grader node's histograms. Container slots are observed by the containers' ContainerSlotGauge.</summary>
public static class GraderMetrics
{
    // Grading spans milliseconds (manager tasks) to minutes (IC tasks with retried test runs).
    private static readonly IReadOnlyList<double> Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    public static Histogram<double> GradingDuration { get; } = Histogram(
        "swelancer.grading.duration", "Time a grader node spent on one task attempt, from GradeTask to TaskGraded.");

    public static Histogram<double> ContainerStartDuration { get; } = Histogram(
        "swelancer.container.start.duration", "Time to create, start and inspect one grading container.");

    public static Histogram<double> BrowserTestDuration { get; } = Histogram(
        "swelancer.browser.test.duration", "Time to run one browser test of an ic_swe task in a fresh browser context.");

    private static Histogram<double> Histogram(string name, string description) =>
        SweLancerTelemetry.Meter.CreateHistogram(name, "s", description, tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds });
}
