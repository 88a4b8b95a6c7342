using SweLancer.Domain.Import;

namespace SweLancer.Domain.Planning;

/// <summary>Reads a sweep's task pool and submissions and plans it; the warnings of both inputs travel with the plan.</summary>
public static class SweepInputs
{
    /// <exception cref="InputFormatException">An input is missing or malformed; the message names the file and place.</exception>
    public static SweepPlan Load(string sweepId, string tasksPath, string submissionsPath)
    {
        var tasks = TaskPoolReader.Read(tasksPath);
        var submissions = SubmissionReader.Read(submissionsPath);
        var plan = SweepPlanner.Plan(sweepId, tasks, submissions.Submissions);
        return plan with { Warnings = [.. submissions.Warnings, .. plan.Warnings] };
    }
}
