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
    // The rule's answers are computed once from the attempts (again when a `with` sets others): the reports read them
    // several times for every task of a sweep.
    private readonly Outcomes _outcomes = Outcomes.Of(Attempts);

    public IReadOnlyList<TaskGraded> Attempts
    {
        get;
        init
        {
            field = value;
            _outcomes = Outcomes.Of(value);
        }
    } = Attempts;

    public bool Passed => _outcomes.EarningAttempt is not null;

    public decimal EarnedUsd => Passed ? PriceUsd : 0m;

    /// <summary>The attempt the price is credited to: the passing one that finished first (the lower number on a tie).</summary>
    public TaskGraded? EarningAttempt => _outcomes.EarningAttempt;

    /// <summary>When its first passing attempt finished.</summary>
    public DateTimeOffset? EarnedAt => EarningAttempt?.FinishedAt;

    /// <summary>What <paramref name="attempt"/> added to the ledger: the price for the earning attempt, 0 for every other.</summary>
    public decimal CreditedTo(int attempt) => EarningAttempt?.Attempt == attempt ? PriceUsd : 0m;

    /// <summary>The task's outcome, or null while it is undecided (no pass yet and attempts still to grade).</summary>
    public GradeOutcome? Verdict =>
        Passed ? GradeOutcome.Passed
        : Attempts.Count < PlannedAttempts ? null
        : _outcomes.AnyFailed ? GradeOutcome.Failed
        : GradeOutcome.SystemError;

    /// <summary>
    /// Groups a plan and its results by task, in plan order. Results for attempts that were not planned are left out,
    /// and a result given twice for one attempt counts once (the first), so a replayed event changes nothing.
    /// </summary>
    public static IReadOnlyList<TaskResult> Of(IReadOnlyList<PlannedItem> plan, IEnumerable<TaskGraded> results)
    {
        // Plain loops over one dictionary: every report runs this over every result of the sweep.
        var tasks = new Dictionary<string, Gathered>(StringComparer.Ordinal);
        var order = new List<Gathered>();
        foreach (var item in plan)
        {
            if (!tasks.TryGetValue(item.QuestionId, out var task))
            {
                task = new Gathered(item);
                tasks.Add(item.QuestionId, task);
                order.Add(task);
            }

            task.PlannedAttempts.Add(item.Attempt);
        }

        foreach (var result in results)
            if (tasks.TryGetValue(result.QuestionId, out var task) && task.PlannedAttempts.Contains(result.Attempt)
                && !task.Results.Exists(r => r.Attempt == result.Attempt))
                task.Results.Add(result);

        return order.Select(t => t.ToResult()).ToList();
    }

    private readonly record struct Outcomes(TaskGraded? EarningAttempt, bool AnyFailed)
    {
        public static Outcomes Of(IReadOnlyList<TaskGraded> attempts)
        {
            TaskGraded? earning = null;
            var anyFailed = false;
            foreach (var attempt in attempts)
            {
                anyFailed |= attempt.Outcome == GradeOutcome.Failed;
                if (attempt.Outcome == GradeOutcome.Passed && (earning is null || (attempt.FinishedAt, attempt.Attempt).CompareTo((earning.FinishedAt, earning.Attempt)) < 0))
                    earning = attempt;
            }

            return new Outcomes(earning, anyFailed);
        }
    }

    /// <summary>One task's planned attempts and its first result for each, while <see cref="Of"/> reads them.</summary>
    private sealed class Gathered(PlannedItem first)
    {
        public List<int> PlannedAttempts { get; } = [];

        public List<TaskGraded> Results { get; } = [];

        public TaskResult ToResult()
        {
            Results.Sort((a, b) => a.Attempt.CompareTo(b.Attempt)); // one result per attempt, so the order is total
            return new TaskResult(first.QuestionId, first.Variant, first.PriceUsd, PlannedAttempts.Count, Results);
        }
    }
}
