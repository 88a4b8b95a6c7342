namespace SweLancer.GraderNode.Containers;

/// <summary>
/// A time limit for one of the harness's own engine calls that streams (copying files in and out, starting the app):
/// Docker.DotNet bounds plain requests (100 s) but not streams, and an attempt's own token never fires, so an engine
/// that stops answering mid-stream would hold the attempt and its slot for good. Past the limit the call is a
/// retryable system error naming the step.
/// </summary>
public static class EngineCallBound
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(5); // generous: an app folder copied out may be large

    /// <param name="limit">Defaults to <see cref="Limit"/>.</param>
    public static async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellation, TimeSpan? limit = null)
    {
        var within = limit ?? Limit;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bounded.CancelAfter(within);
        try
        {
            return await call(bounded.Token);
        }
        catch (OperationCanceledException ex) when (!cancellation.IsCancellationRequested)
        {
            throw new InfrastructureException($"the Docker engine did not finish {what} within {within.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s", retryable: true, ex);
        }
    }

    public static Task RunAsync(string what, Func<CancellationToken, Task> call, CancellationToken cancellation, TimeSpan? limit = null) =>
        RunAsync(what, async token => { await call(token); return true; }, cancellation, limit);
}
