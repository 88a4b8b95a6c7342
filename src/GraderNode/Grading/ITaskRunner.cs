using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Grading;

/// <summary>Grades one variant of task that needs more than a comparison (e.g. IC tasks in containers).</summary>
public interface ITaskRunner
{
    string Variant { get; }

    Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation);
}
