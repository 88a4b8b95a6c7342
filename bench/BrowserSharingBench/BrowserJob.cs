using SweLancer.Messages.Tasks;

namespace SweLancer.Bench;

/// <summary>
/// One browser test of the sample pool, as a task of its own: the task with only that test in its browser_tests, so
/// the node's <c>BrowserTestRun</c> runs exactly it. The test runs against its own app container (tests change the
/// app's server-side state, e.g. expenses posted to the CGI API).
/// </summary>
public sealed record BrowserJob(int Index, TaskDefinition Task)
{
    public BrowserTest Test => Task.Ic!.BrowserTests![0];

    public string Name => $"{Task.QuestionId}/{Test.Name}";

    /// <summary>Every browser test of every browser task with a gold patch, in manifest order, repeated round-robin up to <paramref name="count"/>.</summary>
    public static IReadOnlyList<BrowserJob> RoundRobin(IReadOnlyList<TaskDefinition> tasks, int count)
    {
        var singles = tasks
            .Where(t => t.Ic is { Runner: IcRunnerKinds.Browser, GoldPatch: not null, Image: not null, ServePort: not null, BrowserTests.Count: > 0 })
            .SelectMany(t => t.Ic!.BrowserTests!.Select(test => t with { Ic = t.Ic! with { BrowserTests = [test] } }))
            .ToList();
        if (singles.Count == 0)
            return [];
        return Enumerable.Range(0, count).Select(i => new BrowserJob(i, singles[i % singles.Count])).ToList();
    }
}
