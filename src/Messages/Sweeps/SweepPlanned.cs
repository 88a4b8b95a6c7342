namespace SweLancer.Messages.Sweeps;

/// <summary>Persisted once when a sweep starts: everything it has to grade.</summary>
public sealed record SweepPlanned(
    string SweepId,
    IReadOnlyList<PlannedItem> Items,
    DateTimeOffset PlannedAt) : ISweLancerMessage;
