using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// A ledger's figures for live metrics, brought up to date with only the results added since the last read: the
/// attempts counted by variant and outcome, and (with the plan) the per-task <see cref="LedgerSummary"/> by
/// <see cref="TaskTally"/>'s rule. A scrape then costs the new results, not the whole sweep. Like the ledger it reads,
/// it is given each result once.
/// </summary>
public sealed class GrowingLedgerFold
{
    private readonly string _sweepId;
    private readonly HashSet<ResultKey>? _planned;
    private readonly Dictionary<(string Variant, GradeOutcome Outcome), long> _attempts = [];
    private TaskTally? _tally;

    /// <param name="plan">The sweep's plan, when it is known here; without it there is no <see cref="Summary"/>.</param>
    public GrowingLedgerFold(string sweepId, IReadOnlyList<PlannedItem>? plan)
    {
        _sweepId = sweepId;
        if (plan is null)
            return;
        _planned = plan.Select(i => new ResultKey(i.QuestionId, i.Attempt)).ToHashSet();
        _tally = TaskTally.Of(plan);
    }

    public bool HasPlan => _tally is not null;

    /// <summary>Results added so far.</summary>
    public int Count { get; private set; }

    public void AddAll(IReadOnlyCollection<TaskGraded> results)
    {
        foreach (var result in results)
        {
            var key = (result.Variant, result.Outcome);
            _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
        }

        // The per-task fold leaves out attempts the plan does not hold, as LedgerSummary.Of does.
        _tally = _tally?.AddAll(results.Where(r => _planned!.Contains(r.Key)).Select(r => (r.QuestionId, r.Outcome)));
        Count += results.Count;
    }

    /// <summary>Every result's attempt, by variant and outcome (a copy).</summary>
    public IReadOnlyDictionary<(string Variant, GradeOutcome Outcome), long> AttemptsByOutcome() => new Dictionary<(string, GradeOutcome), long>(_attempts);

    public LedgerSummary? Summary => _tally?.Summary(_sweepId);
}
