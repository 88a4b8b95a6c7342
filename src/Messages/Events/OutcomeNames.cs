namespace SweLancer.Messages.Events;

/// <summary>Outcome spellings in reports and telemetry.</summary>
public static class OutcomeNames
{
    public static string Of(GradeOutcome outcome) => outcome switch
    {
        GradeOutcome.Passed => "passed",
        GradeOutcome.Failed => "failed",
        GradeOutcome.SystemError => "system_error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
