using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Grading;

/// <summary>A manager task earns its price when the chosen proposal is the one that was actually merged.</summary>
public static class ManagerTaskGrader
{
    public static GradeDecision Grade(TaskDefinition task, Submission submission)
    {
        var spec = task.Manager
            ?? throw new ArgumentException($"Task {task.QuestionId} is not a manager task.", nameof(task));

        var selected = submission.SelectedProposalId?.Trim();
        if (string.IsNullOrEmpty(selected))
            return GradeDecision.Fail("no selected_proposal_id in the submission");

        if (selected == spec.CorrectProposalId)
            return GradeDecision.Pass(task.PriceUsd, $"selected proposal {selected} is the merged one");

        var known = spec.ProposalIds.Count == 0 || spec.ProposalIds.Contains(selected);
        return GradeDecision.Fail(known
            ? $"selected proposal {selected}, merged was {spec.CorrectProposalId}"
            : $"selected proposal {selected} is not among the task's proposals");
    }
}
