namespace SweLancer.Messages.Events;

/// <summary>
/// One test run of an attempt, as the harness decided it: from the test command's or pytest's exit code, or from the
/// browser steps it drove itself. Never read from what the model's code printed, so a model cannot forge a run.
/// </summary>
/// <param name="Run">1 for the first run of the attempt.</param>
/// <param name="Outcome">Passed, failed (the model's), or a system error (ours).</param>
public sealed record TestRunRecord(int Run, GradeOutcome Outcome);
