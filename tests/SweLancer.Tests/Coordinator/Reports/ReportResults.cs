using SweLancer.Messages.Events;

namespace SweLancer.Tests.Coordinator.Reports;

/// <summary>Results with chosen timings, for the report's time-based figures.</summary>
internal static class ReportResults
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TaskGraded At(string questionId, GradeOutcome outcome, decimal price, double startSeconds, double finishSeconds,
        int attempt = 1, string reason = "", params string[] artefacts) =>
        new("s1", questionId, attempt, "swe_manager", price, outcome, outcome == GradeOutcome.Passed ? price : 0m,
            reason, false, "node-1", T0.AddSeconds(startSeconds), T0.AddSeconds(finishSeconds), artefacts);
}
