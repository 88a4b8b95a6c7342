using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SweLancer.Messages.Telemetry;

namespace SweLancer.Bench;

/// <summary>
/// The grader's own tracing spans (container.lease, container.start, patch.apply, workspace.install, test.run), timed
/// while a pool round runs: where an attempt's time goes, from the code's own boundaries rather than guesses.
/// </summary>
internal sealed class SpanTimes : IDisposable
{
    private readonly ConcurrentQueue<(string Name, double Ms)> _spans = new();
    private readonly ActivityListener _listener;

    private SpanTimes()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SweLancerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => _spans.Enqueue((activity.OperationName, activity.Duration.TotalMilliseconds)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public static SpanTimes Listen() => new();

    /// <summary>Per span name: how many ended, their median and their sum in milliseconds, in order of first appearance.</summary>
    public IReadOnlyList<SpanFigure> Figures() => _spans
        .GroupBy(s => s.Name)
        .Select(g => new SpanFigure(g.Key, g.Count(), Program.Percentile(g.Select(s => s.Ms).ToArray(), 0.5), g.Sum(s => s.Ms)))
        .ToList();

    public void Dispose() => _listener.Dispose();
}

internal sealed record SpanFigure(string Name, int Count, double MedianMs, double TotalMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} {MedianMs:F0} ms ×{Count}");
}
