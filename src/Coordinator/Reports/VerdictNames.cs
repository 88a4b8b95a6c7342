using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Reports;

/// <summary>A task's verdict as the reports spell it; "undecided" while its sweep has attempts still to grade.</summary>
public static class VerdictNames
{
    public const string Undecided = "undecided";

    public static string Of(TaskResult task) => task.Verdict is { } verdict ? OutcomeNames.Of(verdict) : Undecided;
}
