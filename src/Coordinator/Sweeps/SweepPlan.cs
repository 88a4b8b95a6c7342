namespace SweLancer.Coordinator.Sweeps;

/// <summary>Everything one sweep grades, and what the inputs said that the user should know.</summary>
public sealed record SweepPlan(string SweepId, IReadOnlyList<SweepWorkItem> Items, IReadOnlyList<string> Warnings);
