using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Summaries;

/// <summary>One step of the earnings curve: the total earned once <paramref name="QuestionId"/>'s first passing attempt finished.</summary>
public sealed record EarningsPoint(DateTimeOffset At, decimal TotalUsd, string QuestionId);

/// <summary>Dollars earned over the sweep's time: a step per passed task, at the moment it first passed.</summary>
public static class CumulativeEarnings
{
    public static IReadOnlyList<EarningsPoint> Of(IEnumerable<TaskResult> tasks)
    {
        var total = 0m;
        return tasks.Where(t => t.Passed)
            .Select(t => (At: t.EarnedAt!.Value, t.QuestionId, t.EarnedUsd))
            .OrderBy(t => t.At).ThenBy(t => t.QuestionId, StringComparer.Ordinal)
            .Select(t => new EarningsPoint(t.At, total += t.EarnedUsd, t.QuestionId))
            .ToList();
    }
}
