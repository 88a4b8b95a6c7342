using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SweLancer.Messages.Telemetry;

namespace SweLancer.Bench;

/// <summary>
/// Collects the project's own spans (container.start, patch.gnu, test.command, ...) during a pool run, so the bench can
/// say where an attempt's time goes and what the tests themselves took (the ideal makespan is their sum over N).
/// </summary>
internal sealed class SpanProfile : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _spans = new();
    private readonly ActivityListener _listener;

    public SpanProfile()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SweLancerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => _spans.GetOrAdd(a.OperationName, _ => []).Add(a.Duration.TotalSeconds),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Seconds summed over every span of that name (0 when none).</summary>
    public double Total(string name) => _spans.TryGetValue(name, out var bag) ? bag.Sum() : 0;

    /// <summary>Per span name: how many, mean and total seconds.</summary>
    public IReadOnlyList<(string Name, int Count, double Mean, double Total)> Summary() =>
        _spans.Select(kv => (kv.Key, kv.Value.Count, kv.Value.Average(), kv.Value.Sum()))
            .OrderByDescending(s => s.Item4)
            .ToList();

    public string Lines(int attempts) => string.Join("\n", Summary().Select(s => string.Create(CultureInfo.InvariantCulture,
        $"    {s.Name,-20} n={s.Count,3}  mean {s.Mean * 1000,7:F1} ms  per attempt {s.Total / attempts * 1000,7:F1} ms")));

    public void Dispose() => _listener.Dispose();
}
