using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Sweeps;

/// <summary>
/// Flow control for one sweep: at most <c>maxInFlight</c> attempts out at once, redelivery of what was not answered
/// in time, and backoff for retried system errors. Plain state, no actors: the sweep actor asks it what to send.
/// An answered attempt keeps its place in the window until its result is in the journal, so a crash loses at most
/// the window's worth of grading, whether the attempts were still out or their results still being written.
/// </summary>
public sealed class DispatchWindow(DispatchPolicy policy)
{
    private readonly LinkedList<ResultKey> _pending = new();
    private readonly HashSet<ResultKey> _queued = [];
    private readonly Dictionary<ResultKey, DateTimeOffset> _deadlines = [];
    private readonly Dictionary<ResultKey, int> _deliveries = [];
    private readonly Dictionary<ResultKey, int> _systemErrorRetries = [];
    private readonly Dictionary<ResultKey, DateTimeOffset> _retryAt = [];
    private readonly HashSet<ResultKey> _unsaved = [];

    /// <summary>Attempts sent and not answered yet.</summary>
    public int InFlight => _deadlines.Count;

    /// <summary>Attempts answered whose results are not yet in the journal.</summary>
    public int Unsaved => _unsaved.Count;

    private bool IsFull => InFlight + Unsaved >= policy.MaxInFlight;

    public int Pending => _pending.Count + _retryAt.Count;

    /// <summary>Attempts the window keeps delivery or retry counts for: those sent and not yet complete.</summary>
    public int Tracked => _deliveries.Keys.Union(_systemErrorRetries.Keys).Count();

    public void Enqueue(ResultKey key)
    {
        if (_queued.Add(key))
            _pending.AddLast(key);
    }

    /// <summary>Attempts to send now: due retries first, then new work, up to the window. Each comes with its delivery number.</summary>
    public IReadOnlyList<(ResultKey Key, int Delivery)> TakeDispatchable(DateTimeOffset now)
    {
        var sends = new List<(ResultKey, int)>();
        foreach (var (key, due) in _retryAt.OrderBy(p => p.Value).ToList())
        {
            if (IsFull || due > now) break;
            _retryAt.Remove(key);
            sends.Add((key, Send(key, now)));
        }

        while (!IsFull && _pending.First is { } first)
        {
            _pending.RemoveFirst();
            sends.Add((first.Value, Send(first.Value, now)));
        }

        return sends;
    }

    /// <summary>In-flight attempts whose answer is overdue (lost message, dead node): sent again with a new deadline.</summary>
    public IReadOnlyList<(ResultKey Key, int Delivery)> TakeOverdue(DateTimeOffset now) =>
        _deadlines.Where(p => p.Value <= now).Select(p => p.Key).ToList()
            .Select(key => (key, Send(key, now))).ToList();

    /// <summary>
    /// Every in-flight attempt, sent again with a new deadline: a grader node was removed, and whatever it held will never
    /// be answered. Attempts held by surviving nodes are answered once by their entity, so resending them costs little.
    /// </summary>
    public IReadOnlyList<(ResultKey Key, int Delivery)> TakeAllInFlight(DateTimeOffset now) =>
        _deadlines.Keys.ToList().Select(key => (key, Send(key, now))).ToList();

    /// <summary>The attempt has its final answer, which is being written: no longer out, but still in the window.</summary>
    public void Answered(ResultKey key)
    {
        _deadlines.Remove(key);
        _retryAt.Remove(key);
        _unsaved.Add(key);
    }

    /// <summary>The attempt's final answer is in the journal (or it needs none); forget it.</summary>
    public void Complete(ResultKey key)
    {
        _deadlines.Remove(key);
        _retryAt.Remove(key);
        _unsaved.Remove(key);
        // A complete attempt is never sent again: kept, its counts grew the coordinator's memory with every result.
        _deliveries.Remove(key);
        _systemErrorRetries.Remove(key);
    }

    /// <summary>Whether a retryable system error of <paramref name="key"/> may still be graded again.</summary>
    public bool HasRetriesLeft(ResultKey key) => _systemErrorRetries.GetValueOrDefault(key) < policy.MaxSystemErrorRetries;

    /// <summary>A retryable system error came back. Returns false when the retries are used up and the error is final.</summary>
    public bool TryScheduleRetry(ResultKey key, DateTimeOffset now)
    {
        if (!HasRetriesLeft(key))
            return false;

        var retries = _systemErrorRetries.GetValueOrDefault(key);
        _systemErrorRetries[key] = retries + 1;
        _deadlines.Remove(key);
        _retryAt[key] = now + policy.RetryBackoff(retries + 1);
        return true;
    }

    private int Send(ResultKey key, DateTimeOffset now)
    {
        _deadlines[key] = now + policy.AnswerTimeout;
        var delivery = _deliveries.GetValueOrDefault(key) + 1;
        _deliveries[key] = delivery;
        return delivery;
    }
}
