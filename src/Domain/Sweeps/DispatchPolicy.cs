namespace SweLancer.Domain.Sweeps;

/// <summary>How hard a sweep pushes its graders and how patiently it waits.</summary>
/// <param name="MaxInFlight">Attempts out at once, across all grader nodes.</param>
/// <param name="AnswerTimeout">After this long without an answer an attempt is sent again (a node may have died).</param>
/// <param name="MaxSystemErrorRetries">Retries of a retryable system error before it is final.</param>
/// <param name="FirstRetryDelay">Backoff before the first retry; doubled each time up to <paramref name="MaxRetryDelay"/>.</param>
public sealed record DispatchPolicy(
    int MaxInFlight,
    TimeSpan AnswerTimeout,
    int MaxSystemErrorRetries,
    TimeSpan FirstRetryDelay,
    TimeSpan MaxRetryDelay)
{
    public static readonly DispatchPolicy Default = new(
        MaxInFlight: 64,
        AnswerTimeout: TimeSpan.FromMinutes(10),
        MaxSystemErrorRetries: 3,
        FirstRetryDelay: TimeSpan.FromSeconds(1),
        MaxRetryDelay: TimeSpan.FromSeconds(30));

    /// <summary>
    /// How long after a grader node is removed its work is resent. Sharding needs this moment to forget the dead node's
    /// shards; a message sent before then is routed to the dead node and lost until <see cref="AnswerTimeout"/>.
    /// </summary>
    public TimeSpan NodeLossSettle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The order tasks go out in (<see cref="DispatchOrdering"/>).</summary>
    public DispatchOrder Order { get; init; } = DispatchOrder.Plan;

    public TimeSpan RetryBackoff(int retry)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(0, retry - 1));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
