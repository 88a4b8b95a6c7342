using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>
/// The results a ledger projection has folded, as the metrics thread reads them: written on the projection's thread,
/// copied under the lock at each collection. Counts nothing itself; the metrics fold it with the ledger's own rule.
/// </summary>
public sealed class FoldedResults
{
    private readonly Lock _gate = new();
    private readonly List<TaskGraded> _results = [];

    public int Count
    {
        get { lock (_gate) return _results.Count; }
    }

    public static FoldedResults Of(IEnumerable<TaskGraded> folded)
    {
        var results = new FoldedResults();
        foreach (var graded in folded)
            results.Add(graded);
        return results;
    }

    public void Add(TaskGraded graded)
    {
        lock (_gate) _results.Add(graded);
    }

    /// <summary>The results added after the first <paramref name="start"/> (a copy of only those).</summary>
    public IReadOnlyList<TaskGraded> Since(int start)
    {
        lock (_gate) return _results.GetRange(start, _results.Count - start);
    }
}
