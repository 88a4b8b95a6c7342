using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// One folded result without its sweep and key, which the ledger already holds: a value written into a slot made with
/// the plan, so keeping a planned result allocates nothing. The strings it refers to are the journal's pooled ones.
/// </summary>
internal readonly struct StoredResult
{
    private readonly string _variant;
    private readonly string _reason;
    private readonly string _graderNode;
    private readonly IReadOnlyList<string> _artefacts;
    private readonly string? _traceParent;
    private readonly IReadOnlyList<TestRunRecord>? _runs;
    private readonly AttemptCost? _cost;
    private readonly decimal _priceUsd;
    private readonly decimal _earnedUsd;
    private readonly DateTimeOffset _startedAt;
    private readonly DateTimeOffset _finishedAt;
    private readonly GradeOutcome _outcome;
    private readonly bool _retryable;

    private StoredResult(TaskGraded graded)
    {
        _variant = graded.Variant;
        _reason = graded.Reason;
        _graderNode = graded.GraderNode;
        _artefacts = graded.Artefacts;
        _traceParent = graded.TraceParent;
        _runs = graded.Runs;
        _cost = graded.Cost;
        _priceUsd = graded.PriceUsd;
        _earnedUsd = graded.EarnedUsd;
        _startedAt = graded.StartedAt;
        _finishedAt = graded.FinishedAt;
        _outcome = graded.Outcome;
        _retryable = graded.Retryable;
        IsSet = true;
    }

    /// <summary>False for a slot no result was written into.</summary>
    public bool IsSet { get; }

    public static StoredResult Of(TaskGraded graded) => new(graded);

    /// <summary>The result as it was folded, equal to the one given to <see cref="Of"/>.</summary>
    public TaskGraded ToGraded(string sweepId, ResultKey key) =>
        new(sweepId, key.QuestionId, key.Attempt, _variant, _priceUsd, _outcome, _earnedUsd, _reason, _retryable, _graderNode,
            _startedAt, _finishedAt, _artefacts, _traceParent, _runs, _cost);
}
