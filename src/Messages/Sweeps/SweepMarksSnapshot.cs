namespace SweLancer.Messages.Sweeps;

/// <summary>
/// A sweep's state as it needs it to resume: the plan, and which attempts are graded with their outcomes. The results
/// themselves stay in the journal's events, where the ledger reads them; <see cref="SweepSnapshot"/> carried all of
/// them, and recovering a 100,000-task sweep spent seconds reading them back.
/// </summary>
public sealed record SweepMarksSnapshot(
    SweepPlanned Plan,
    IReadOnlyList<GradedMark> Graded) : ISweLancerMessage;
