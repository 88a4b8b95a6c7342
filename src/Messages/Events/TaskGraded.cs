using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using SweLancer.Messages.Json;

namespace SweLancer.Messages.Events;

/// <summary>
/// The result of grading one attempt of one task: the grader's answer and, once the sweep accepts it,
/// the persisted event the ledger folds.
/// </summary>
/// <param name="Retryable">For system errors: whether trying again could help (a crashed browser can; a missing runner cannot).</param>
/// <param name="GraderNode">Address of the node that graded it.</param>
/// <param name="Artefacts">Paths of screenshots, traces and logs kept for this attempt.</param>
/// <param name="TraceParent">W3C trace context of the span that produced it (the grading, then the persist), so the
/// sweep and the ledger continue the attempt's trace. Optional: journals written without it still read.</param>
/// <param name="Runs">Every test run of the attempt in order (none for manager tasks, or when no test ran). Optional:
/// journals written before runs were recorded read as null.</param>
/// <param name="Cost">Container- and browser-seconds of the attempt. Optional like <paramref name="Runs"/>.</param>
public sealed record TaskGraded(
    [property: JsonConverter(typeof(RepeatedStringConverter))] string SweepId,
    string QuestionId,
    int Attempt,
    [property: JsonConverter(typeof(RepeatedStringConverter))] string Variant,
    decimal PriceUsd,
    GradeOutcome Outcome,
    decimal EarnedUsd,
    [property: JsonConverter(typeof(RepeatedStringConverter))] string Reason,
    bool Retryable,
    [property: JsonConverter(typeof(RepeatedStringConverter))] string GraderNode,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<string> Artefacts,
    string? TraceParent = null,
    IReadOnlyList<TestRunRecord>? Runs = null,
    AttemptCost? Cost = null) : ISweLancerMessage
{
    // Derived, so not written: it repeated the question id in every event and snapshot entry (a tenth of a 100,000-task
    // ledger snapshot). Events written with it still read; the name is then an unknown member and skipped.
    [JsonIgnore]
    public Submissions.ResultKey Key => new(QuestionId, Attempt);

    // A ledger holds every result of its sweep, read back from the journal with a new empty list (or zero cost) each:
    // shared instead, they no longer grow the coordinator's memory with each result.
    public IReadOnlyList<string> Artefacts { get; init => field = SharedIfEmpty(value); } = SharedIfEmpty(Artefacts);

    public IReadOnlyList<TestRunRecord>? Runs { get; init => field = SharedIfEmpty(value); } = SharedIfEmpty(Runs);

    public AttemptCost? Cost { get; init => field = SharedIfNone(value); } = SharedIfNone(Cost);

    [return: NotNullIfNotNull(nameof(list))]
    private static IReadOnlyList<T>? SharedIfEmpty<T>(IReadOnlyList<T>? list) => list is { Count: 0 } ? [] : list;

    private static AttemptCost? SharedIfNone(AttemptCost? cost) => cost == AttemptCost.None ? AttemptCost.None : cost;
}
