using System.Collections.Concurrent;
using SweLancer.GraderNode.Containers;

namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// Pulls the images of queued attempts ahead of their turn, at most <see cref="Concurrency"/> at a time, so a 14 GB pull
/// overlaps other grading. With a disk budget, the task images it brought in are kept within it: once an image is in,
/// the least recently used ones that no attempt is using are removed (<see cref="ImageEviction"/>). A failed pull is
/// remembered only until it is waited for, then tried afresh.
/// </summary>
public sealed class ImagePrefetch(ContainerPool pool, long? budgetBytes = null)
{
    public const int Concurrency = 2;

    private readonly SemaphoreSlim _pulls = new(Concurrency, Concurrency);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _pending = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastUsed = new();
    private readonly ConcurrentDictionary<string, int> _inUse = new();
    private readonly SemaphoreSlim _evicting = new(1, 1);

    public void Request(string image) => _ = Pending(image);

    /// <summary>Returns when the image is on the engine; hold the result while a container of it may exist.</summary>
    /// <exception cref="InfrastructureException">The image is not available.</exception>
    public async Task<IDisposable> UseAsync(string image, CancellationToken cancellation)
    {
        _inUse.AddOrUpdate(image, 1, (_, n) => n + 1);
        _lastUsed[image] = DateTimeOffset.UtcNow;
        var use = new Use(this, image);
        try
        {
            var pending = Pending(image);
            try
            {
                await pending.WaitAsync(cancellation);
            }
            catch (InfrastructureException)
            {
                _pending.TryRemove(image, out _);
                throw;
            }
            await KeepWithinBudgetAsync(cancellation);
            return use;
        }
        catch
        {
            use.Dispose();
            throw;
        }
    }

    private Task Pending(string image) =>
        _pending.GetOrAdd(image, i => new Lazy<Task>(() => Task.Run(async () =>
        {
            await _pulls.WaitAsync();
            try
            {
                await pool.EnsureImageAsync(i, CancellationToken.None);
                _lastUsed.TryAdd(i, DateTimeOffset.UtcNow);
            }
            finally
            {
                _pulls.Release();
            }
        }))).Value;

    private async Task KeepWithinBudgetAsync(CancellationToken cancellation)
    {
        if (budgetBytes is not { } budget)
            return;
        await _evicting.WaitAsync(cancellation);
        try
        {
            var held = pool.HeldImages().Where(_lastUsed.ContainsKey)
                .Select(i => new ImageEviction.Held(i, pool.ImageSize(i), _lastUsed[i], _inUse.GetValueOrDefault(i) > 0))
                .ToList();
            foreach (var image in ImageEviction.Choose(held, 0, budget))
            {
                if (await pool.RemoveImageAsync(image, cancellation))
                {
                    _pending.TryRemove(image, out _);
                    _lastUsed.TryRemove(image, out _);
                }
            }
        }
        finally
        {
            _evicting.Release();
        }
    }

    private sealed class Use(ImagePrefetch owner, string image) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                owner._inUse.AddOrUpdate(image, 0, (_, n) => n - 1);
        }
    }
}
