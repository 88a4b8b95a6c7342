using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// One folded result without its sweep and key, which the ledger already holds: a value written into a slot made with
/// the plan, so keeping a planned result allocates nothing. The strings it refers to are the journal's pooled ones.
/// </summary>
internal readonly record struct StoredResult(
    string Variant,
    decimal PriceUsd,
    GradeOutcome Outcome,
    decimal EarnedUsd,
    string Reason,
    bool Retryable,
    string GraderNode,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<string> Artefacts,
    string? TraceParent,
    IReadOnlyList<TestRunRecord>? Runs,
    AttemptCost? Cost)
{
    /// <summary>False for a slot no result was written into (a default value).</summary>
    public bool IsSet { get; } = true;

    public static StoredResult Of(TaskGraded g) => new(g.Variant, g.PriceUsd, g.Outcome, g.EarnedUsd, g.Reason, g.Retryable, g.GraderNode,
        g.StartedAt, g.FinishedAt, g.Artefacts, g.TraceParent, g.Runs, g.Cost);

    /// <summary>The result as it was folded, equal to the one given to <see cref="Of"/>.</summary>
    public TaskGraded ToGraded(string sweepId, ResultKey key) =>
        new(sweepId, key.QuestionId, key.Attempt, Variant, PriceUsd, Outcome, EarnedUsd, Reason, Retryable, GraderNode,
            StartedAt, FinishedAt, Artefacts, TraceParent, Runs, Cost);
}
