namespace SweLancer.Messages.Sweeps;

/// <summary>Persisted when a user cancels a sweep: it dispatches nothing more; what it graded stays in its ledger.</summary>
public sealed record SweepCancelled(string SweepId, DateTimeOffset CancelledAt) : ISweLancerMessage;
