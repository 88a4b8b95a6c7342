namespace SweLancer.Messages.Sweeps;

/// <summary>
/// Persisted by the coordinator's sweep registry when a sweep is accepted: where its inputs live and how it is
/// dispatched, so a restarted coordinator starts it again.
/// </summary>
/// <param name="DispatchOrder">plan, price or stratified; last and optional, so journals written before it still read.</param>
public sealed record SweepSubmitted(
    string SweepId,
    string TasksPath,
    string SubmissionsPath,
    int MaxInFlight,
    int AnswerTimeoutSeconds,
    int SystemErrorRetries,
    DateTimeOffset SubmittedAt,
    string DispatchOrder = "plan") : ISweLancerMessage;
