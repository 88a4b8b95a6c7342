namespace SweLancer.Messages.Events;

/// <summary>What grading one attempt took beyond its wall time (which <see cref="TaskGraded"/> already carries).</summary>
/// <param name="ContainerSeconds">Time grading containers were held for the attempt, from lease (or creation) to removal, summed over its containers.</param>
/// <param name="BrowserSeconds">Time spent in browser tests, from the first test's start to the last one's end, summed over its runs.</param>
public sealed record AttemptCost(double ContainerSeconds, double BrowserSeconds)
{
    public static AttemptCost None { get; } = new(0, 0);
}
