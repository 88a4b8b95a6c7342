using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;

namespace SweLancer.Coordinator.Telemetry;

/// <summary>
/// A ledger projection's <see cref="EarningsLedger"/> as other threads read it: the projection folds through it, the
/// metrics and the API copy out what was folded since their last look, both under one lock. Counts nothing itself;
/// the metrics fold the copies with the ledger's own rule.
/// </summary>
public sealed class FoldedResults(EarningsLedger ledger)
{
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) return ledger.Count; }
    }

    /// <inheritdoc cref="EarningsLedger.Apply"/>
    public bool Apply(TaskGraded graded)
    {
        lock (_gate) return ledger.Apply(graded);
    }

    /// <inheritdoc cref="EarningsLedger.Reserve"/>
    public void Reserve(IEnumerable<ResultKey> planned)
    {
        lock (_gate) ledger.Reserve(planned);
    }

    /// <summary>
    /// The first <paramref name="count"/> results as a list that reads each one through the lock when asked for it: a
    /// snapshot written on another thread needs no copy of every result made up front. Folded results never change,
    /// so the list stays what was folded when it was taken.
    /// </summary>
    public IReadOnlyList<TaskGraded> Prefix(int count) => new FoldedPrefix(this, count);

    private TaskGraded At(int index)
    {
        lock (_gate) return ledger.At(index);
    }

    /// <summary>The results folded after the first <paramref name="start"/> (a copy of only those).</summary>
    public IReadOnlyList<TaskGraded> Since(int start)
    {
        lock (_gate) return ledger.Since(start);
    }

    private sealed class FoldedPrefix(FoldedResults folded, int count) : IReadOnlyList<TaskGraded>
    {
        public int Count => count;

        public TaskGraded this[int index] => (uint)index < (uint)count ? folded.At(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<TaskGraded> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
                yield return folded.At(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
