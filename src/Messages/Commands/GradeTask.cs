using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.Messages.Commands;

/// <summary>Grade one attempt of one task. Sent by a sweep to the grader shard region; answered with a TaskGraded.</summary>
/// <param name="Submission">The model's answer, or null when the model gave none.</param>
/// <param name="Delivery">1 for the first dispatch, higher for redeliveries and retries.</param>
/// <param name="TraceParent">W3C trace context of the dispatch, so the grader's spans join the attempt's trace.
/// Last and optional: messages written without it still read (as null) under the same manifest.</param>
public sealed record GradeTask(
    string SweepId,
    TaskDefinition Task,
    int Attempt,
    Submission? Submission,
    int Delivery,
    string? TraceParent = null) : ISweLancerMessage
{
    /// <summary>One grading entity per (sweep, task, attempt).</summary>
    public string EntityId => $"{SweepId}|{Task.QuestionId}|{Attempt}";
}
