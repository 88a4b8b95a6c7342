namespace SweLancer.Messages.Sweeps;

/// <summary>
/// Persisted by the coordinator's sweep registry when a sweep is accepted: where its inputs live and how it is
/// dispatched, so a restarted coordinator starts it again.
/// </summary>
public sealed record SweepSubmitted(
    string SweepId,
    string TasksPath,
    string SubmissionsPath,
    int MaxInFlight,
    int AnswerTimeoutSeconds,
    int SystemErrorRetries,
    DateTimeOffset SubmittedAt) : ISweLancerMessage;
