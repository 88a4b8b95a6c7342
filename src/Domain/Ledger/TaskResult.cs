using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// One task (question_id) with its planned attempts and the results folded so far: the earnings rule, written once.
/// A task passes, and earns its price once, as soon as any attempt passed. Without a pass it is decided when all its
/// planned attempts are graded: failed when any attempt failed, else a system error.
/// </summary>
public sealed record TaskResult(string QuestionId, string Variant, decimal PriceUsd, int PlannedAttempts, IReadOnlyList<TaskGraded> Attempts)
{
    public bool Passed => Attempts.Any(a => a.Outcome == GradeOutcome.Passed);

    public decimal EarnedUsd => Passed ? PriceUsd : 0m;

    /// <summary>The attempt the price is credited to: the passing one that finished first (the lower number on a tie).</summary>
    public TaskGraded? EarningAttempt => Attempts.Where(a => a.Outcome == GradeOutcome.Passed)
        .OrderBy(a => a.FinishedAt).ThenBy(a => a.Attempt).FirstOrDefault();

    /// <summary>When its first passing attempt finished.</summary>
    public DateTimeOffset? EarnedAt => EarningAttempt?.FinishedAt;

    /// <summary>What <paramref name="attempt"/> added to the ledger: the price for the earning attempt, 0 for every other.</summary>
    public decimal CreditedTo(int attempt) => EarningAttempt?.Attempt == attempt ? PriceUsd : 0m;

    /// <summary>The task's outcome, or null while it is undecided (no pass yet and attempts still to grade).</summary>
    public GradeOutcome? Verdict =>
        Passed ? GradeOutcome.Passed
        : Attempts.Count < PlannedAttempts ? null
        : Attempts.Any(a => a.Outcome == GradeOutcome.Failed) ? GradeOutcome.Failed
        : GradeOutcome.SystemError;

    /// <summary>
    /// Groups a plan and its results by task, in plan order. Results for attempts that were not planned are left out,
    /// and a result given twice for one attempt counts once (the first), so a replayed event changes nothing.
    /// </summary>
    public static IReadOnlyList<TaskResult> Of(IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results)
    {
        var planned = plan.Select(i => (i.QuestionId, i.Attempt)).ToHashSet();
        var byTask = results.Where(r => planned.Contains((r.QuestionId, r.Attempt)))
            .DistinctBy(r => (r.QuestionId, r.Attempt))
            .GroupBy(r => r.QuestionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Attempt).ToList());
        return plan.GroupBy(i => i.QuestionId)
            .Select(g => new TaskResult(g.Key, g.First().Variant, g.First().PriceUsd, g.Count(),
                byTask.GetValueOrDefault(g.Key) ?? []))
            .ToList();
    }
}
