using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

/// <summary>Random plans and the results a ledger folds for them, for the specs that compare a growing fold to the whole one.</summary>
internal static class RandomLedgerInput
{
    /// <summary>1 to <paramref name="maxTasks"/> tasks of 1 to 3 attempts; every third task an IC one.</summary>
    public static List<PlannedItem> Plan(Random random, int maxTasks) =>
        [.. Enumerable.Range(0, random.Next(1, maxTasks)).SelectMany(t => Enumerable.Range(1, random.Next(1, 4))
            .Select(a => new PlannedItem($"q{t}", a, t % 3 == 0 ? "ic_swe" : "swe_manager", 50m * (t + 1), "h")))];

    /// <summary>
    /// Every planned attempt with a random outcome, with <paramref name="repeats"/> some of them again with another one
    /// (the first must stay), an attempt the plan does not hold and a task it does not know, in a random order.
    /// </summary>
    public static List<TaskGraded> Results(Random random, IReadOnlyList<PlannedItem> plan, bool repeats)
    {
        TaskGraded Result(PlannedItem item) => Graded(item.QuestionId, (GradeOutcome)random.Next(3), item.PriceUsd, item.Attempt, variant: item.Variant);
        var again = repeats ? plan.Where(_ => random.Next(4) == 0).Select(Result).ToList() : [];
        return [.. plan.Select(Result).Concat(again)
            .Append(Graded("q0", GradeOutcome.Passed, 50m, attempt: 9))
            .Append(Graded("stranger", GradeOutcome.Passed, 9000m))
            .OrderBy(_ => random.Next())];
    }
}
