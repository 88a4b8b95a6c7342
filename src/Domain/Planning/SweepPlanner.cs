using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.Domain.Planning;

/// <summary>Matches submissions to tasks: one work item per submitted attempt, and attempt 1 with no answer for a task nobody answered.</summary>
public static class SweepPlanner
{
    public static SweepPlan Plan(string sweepId, IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<Submission> submissions)
    {
        var warnings = new List<string>();
        var byTask = new Dictionary<string, List<Submission>>(StringComparer.Ordinal);
        var known = tasks.Select(t => t.QuestionId).ToHashSet(StringComparer.Ordinal);

        foreach (var submission in submissions)
        {
            if (!known.Contains(submission.QuestionId))
            {
                warnings.Add($"submission for unknown task '{submission.QuestionId}' (attempt {submission.Attempt}) ignored");
                continue;
            }

            if (!byTask.TryGetValue(submission.QuestionId, out var list))
                byTask[submission.QuestionId] = list = [];

            if (list.Any(s => s.Attempt == submission.Attempt))
            {
                warnings.Add($"duplicate submission for {submission.QuestionId} attempt {submission.Attempt} ignored");
                continue;
            }

            list.Add(submission);
        }

        var items = new List<SweepWorkItem>();
        foreach (var task in tasks)
        {
            if (byTask.TryGetValue(task.QuestionId, out var answers))
                items.AddRange(answers.OrderBy(s => s.Attempt).Select(s => new SweepWorkItem(task, s.Attempt, s)));
            else
                items.Add(new SweepWorkItem(task, 1, null));
        }

        return new SweepPlan(sweepId, items, warnings);
    }
}
