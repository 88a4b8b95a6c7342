using System.Collections.Concurrent;
using SweLancer.GraderNode.Containers;

namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// Pulls the images of queued attempts ahead of their turn, at most <see cref="Concurrency"/> at a time, so a 14 GB pull
/// overlaps other grading. A failed pull is remembered only until it is waited for, then tried afresh.
/// </summary>
public sealed class ImagePrefetch(ContainerPool pool)
{
    public const int Concurrency = 2;

    private readonly SemaphoreSlim _pulls = new(Concurrency, Concurrency);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _pending = new();

    public void Request(string image) => _ = Pending(image);

    /// <summary>Returns when the image is on the engine.</summary>
    /// <exception cref="InfrastructureException">The image is not available.</exception>
    public async Task WaitAsync(string image, CancellationToken cancellation)
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
    }

    private Task Pending(string image) =>
        _pending.GetOrAdd(image, i => new Lazy<Task>(() => Task.Run(async () =>
        {
            await _pulls.WaitAsync();
            try
            {
                await pool.EnsureImageAsync(i, CancellationToken.None);
            }
            finally
            {
                _pulls.Release();
            }
        }))).Value;
}
