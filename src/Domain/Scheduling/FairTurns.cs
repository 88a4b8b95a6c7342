namespace SweLancer.Domain.Scheduling;

/// <summary>
/// Admits at most <c>capacity</c> holders at once. Waiters are served round-robin across keys (sweeps) and in arrival
/// order within a key, so a sweep of thousands of attempts queued first cannot starve a small sweep that comes later.
/// </summary>
public sealed class FairTurns
{
    private readonly object _lock = new();
    private readonly int _capacity;
    private readonly Dictionary<string, Queue<TaskCompletionSource<IDisposable>>> _waiting = [];
    private readonly LinkedList<string> _rotation = new();
    private int _held;

    public FairTurns(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Held
    {
        get { lock (_lock) return _held; }
    }

    /// <summary>Waits for a turn; dispose the result to give it back.</summary>
    public Task<IDisposable> EnterAsync(string key, CancellationToken cancellation)
    {
        lock (_lock)
        {
            if (_held < _capacity && _rotation.Count == 0)
            {
                _held++;
                return Task.FromResult<IDisposable>(new Turn(this));
            }

            var waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_waiting.TryGetValue(key, out var queue))
            {
                _waiting[key] = queue = new Queue<TaskCompletionSource<IDisposable>>();
                _rotation.AddLast(key);
            }

            queue.Enqueue(waiter);
            if (cancellation.CanBeCanceled)
                cancellation.Register(() => waiter.TrySetCanceled(cancellation));
            return waiter.Task;
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            _held--;
            while (_held < _capacity && _rotation.First is { } next)
            {
                var queue = _waiting[next.Value];
                var waiter = queue.Dequeue();
                _rotation.RemoveFirst();
                if (queue.Count > 0)
                    _rotation.AddLast(next.Value); // this key's next waiter goes behind the other keys
                else
                    _waiting.Remove(next.Value);
                if (waiter.TrySetResult(new Turn(this)))
                    _held++; // a cancelled waiter is skipped
            }
        }
    }

    private sealed class Turn(FairTurns owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.Release();
        }
    }
}
