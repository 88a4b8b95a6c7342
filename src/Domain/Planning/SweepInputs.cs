using SweLancer.Domain.Import;

namespace SweLancer.Domain.Planning;

/// <summary>Reads a sweep's task pool and submissions and plans it; the warnings of both inputs travel with the plan.</summary>
public static class SweepInputs
{
    /// <exception cref="InputFormatException">An input is missing or malformed; the message names the file and place.</exception>
    public static SweepPlan Load(string sweepId, string tasksPath, string submissionsPath)
    {
        // The two files are independent: the submissions are read on another core while the pool is parsed. When both
        // are bad, the pool's error is the one reported, as when they were read one after the other.
        var submissionsRead = Task.Run(() => SubmissionReader.Read(submissionsPath));
        IReadOnlyList<Messages.Tasks.TaskDefinition> tasks;
        try
        {
            tasks = TaskPoolReader.Read(tasksPath);
        }
        catch
        {
            _ = submissionsRead.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw;
        }

        var submissions = submissionsRead.GetAwaiter().GetResult();
        var plan = SweepPlanner.Plan(sweepId, tasks, submissions.Submissions);
        return plan with { Warnings = [.. submissions.Warnings, .. plan.Warnings] };
    }
}
