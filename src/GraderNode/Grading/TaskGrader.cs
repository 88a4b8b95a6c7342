using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Grading;

/// <summary>Routes one attempt to the grading that fits its task variant.</summary>
public sealed class TaskGrader(IEnumerable<ITaskRunner> runners)
{
    private readonly IReadOnlyDictionary<string, ITaskRunner> _runners = runners.ToDictionary(r => r.Variant);

    public IEnumerable<ITaskRunner> Runners => _runners.Values;

    public async Task<GradeDecision> GradeAsync(TaskDefinition task, Submission? submission, CancellationToken cancellation, AttemptContext? attempt = null)
    {
        if (submission is null)
            return GradeDecision.Fail("no submission");

        if (task.Variant == TaskVariants.SweManager)
            return ManagerTaskGrader.Grade(task, submission);

        if (_runners.TryGetValue(task.Variant, out var runner))
            return await runner.GradeAsync(task, submission, attempt ?? AttemptContext.Unknown, cancellation);

        // Deterministic, so retrying on another node cannot help.
        return GradeDecision.SystemError($"no runner for {task.Variant}", retryable: false);
    }
}
