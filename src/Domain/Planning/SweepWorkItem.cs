using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;

namespace SweLancer.Domain.Planning;

/// <summary>One attempt to grade, with everything the grader needs (the journal keeps only its <see cref="PlannedItem"/>).</summary>
public sealed record SweepWorkItem(TaskDefinition Task, int Attempt, Submission? Submission)
{
    public ResultKey Key => new(Task.QuestionId, Attempt);

    public PlannedItem ToPlanned() =>
        new(Task.QuestionId, Attempt, Task.Variant, Task.PriceUsd, Submission is null ? null : SubmissionHash.Of(Submission));
}
