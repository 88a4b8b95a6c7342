using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Ic;

/// <summary>Stands in for <see cref="IcTaskRunner"/> on a node whose Docker engine is not usable: every IC attempt is a
/// system error saying why, never a pass and never the model's failure.</summary>
public sealed class DockerUnavailableRunner(string problem) : ITaskRunner
{
    public string Variant => TaskVariants.IcSwe;

    public string Problem => problem;

    public Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation) =>
        Task.FromResult(GradeDecision.SystemError(problem, retryable: true));
}
