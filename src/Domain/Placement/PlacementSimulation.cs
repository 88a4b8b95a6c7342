namespace SweLancer.Domain.Placement;

/// <summary>One attempt of a simulated sweep: its key (sweep, task, attempt) and the image it needs, if any.</summary>
public sealed record SimulatedAttempt(string Key, string? Image);

/// <summary>What one placement policy cost: pulls, seconds spent pulling, the makespan and the attempts per node.</summary>
public sealed record PlacementOutcome(PlacementPolicy Policy, int Pulls, double PullSeconds, double MakespanSeconds, IReadOnlyList<int> AttemptsPerNode);

/// <summary>
/// Places a sweep's attempts, in plan order, on N nodes of S slots under each policy and plays out the predicted
/// timelines (<see cref="NodeSchedule"/>): a list-scheduling model of the hold-runner rig (hold time, pull cost, one
/// pull at a time per node, an LRU of K images per node) that runs in milliseconds, so policies and shapes of pool can
/// be compared before (or instead of) a cluster run. Every attempt is dispatched at once (an unbounded in-flight window).
/// </summary>
public static class PlacementSimulation
{
    public static PlacementOutcome Run(PlacementPolicy policy, IReadOnlyList<SimulatedAttempt> attempts, int nodes, int slotsPerNode,
        double holdSeconds, double pullSeconds, int imageCache)
    {
        var schedules = Enumerable.Range(0, nodes).Select(_ => new NodeSchedule(slotsPerNode, holdSeconds, pullSeconds, imageCache)).ToList();
        foreach (var attempt in attempts)
            schedules[ImagePlacement.Choose(policy, attempt.Key, attempt.Image, schedules)].Commit(attempt.Image);
        var pulls = schedules.Sum(s => s.Pulls);
        return new PlacementOutcome(policy, pulls, pulls * pullSeconds, schedules.Max(s => s.LastFinish), schedules.Select(s => s.Attempts).ToList());
    }

    /// <summary>The pool bench/hold-pool.py writes: task i needs image (i mod M); each task's attempts follow it in plan order.</summary>
    public static IReadOnlyList<SimulatedAttempt> Pool(int tasks, int images, int attemptsPerTask) =>
        Enumerable.Range(0, tasks)
            .SelectMany(t => Enumerable.Range(1, attemptsPerTask).Select(a => new SimulatedAttempt($"sim|hold-{t:D7}|{a}", $"bench/img-{t % images:D4}:1")))
            .ToList();
}
