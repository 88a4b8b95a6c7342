using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Domain.Flakes;

/// <summary>
/// The tasks whose test runs disagree: some run passed and some run failed, within one attempt or across its attempts.
/// Only the harness's recorded runs count (an attempt whose patch never applied made none), and a system error is ours,
/// so it neither passes nor fails a run. <see cref="FlakyUsd"/> is what rests on them: the dollars the flaky tasks
/// earned, read from <see cref="TaskResult.EarnedUsd"/> (the single earnings rule).
/// </summary>
public sealed record FlakeReport(IReadOnlyList<FlakyTask> Tasks, decimal FlakyUsd)
{
    public static FlakeReport Of(IReadOnlyList<TaskResult> tasks)
    {
        var flaky = tasks.Where(IsFlaky)
            .Select(t => new FlakyTask(t.QuestionId, t.Variant, t.PriceUsd, t.EarnedUsd,
                t.Attempts.Where(a => a.Runs is { Count: > 0 }).Select(a => new AttemptRuns(a.Attempt, a.Runs!)).ToList()))
            .ToList();
        return new FlakeReport(flaky, flaky.Sum(t => t.EarnedUsd));
    }

    public static bool IsFlaky(TaskResult task)
    {
        var outcomes = task.Attempts.SelectMany(a => a.Runs ?? []).Select(r => r.Outcome).ToHashSet();
        return outcomes.Contains(GradeOutcome.Passed) && outcomes.Contains(GradeOutcome.Failed);
    }
}
