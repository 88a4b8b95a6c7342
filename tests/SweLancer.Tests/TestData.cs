using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.Tests;

/// <summary>Small builders for tasks, answers and results.</summary>
internal static class TestData
{
    public static TaskDefinition Manager(string id, decimal price, string correct = "2", params string[] proposals) =>
        new(id, TaskVariants.SweManager, price, null,
            new ManagerTaskSpec(correct, proposals.Length == 0 ? ["1", "2", "3"] : proposals), null);

    public static TaskDefinition Ic(string id, decimal price) =>
        new(id, TaskVariants.IcSwe, price, null, null, new IcTaskSpec(["src"], "/app"));

    public static Submission Choose(string questionId, string proposal, int attempt = 1) =>
        new(questionId, attempt, proposal, null, null);

    public static Submission Patch(string questionId, string patch = "--- a/x\n+++ b/x\n", int attempt = 1) =>
        new(questionId, attempt, null, patch, null);

    public static TaskGraded Graded(string questionId, GradeOutcome outcome, decimal price, int attempt = 1,
        string sweep = "s1", string variant = TaskVariants.SweManager) =>
        new(sweep, questionId, attempt, variant, price, outcome, outcome == GradeOutcome.Passed ? price : 0m,
            outcome.ToString(), false, "node", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
}
