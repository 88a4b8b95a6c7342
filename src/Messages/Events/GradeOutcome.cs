namespace SweLancer.Messages.Events;

/// <summary>How one task attempt ended.</summary>
public enum GradeOutcome
{
    /// <summary>The hidden tests passed, or the right proposal was chosen.</summary>
    Passed,
    /// <summary>The model's fault: wrong answer, patch did not apply, a test failed, a timeout.</summary>
    Failed,
    /// <summary>Ours: a missing image, a gone daemon, a crashed browser. Never counted against the model.</summary>
    SystemError,
}
