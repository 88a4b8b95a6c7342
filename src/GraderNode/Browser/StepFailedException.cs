namespace SweLancer.GraderNode.Browser;

/// <summary>A browser step did not hold: the app's behaviour, so the model's failure.</summary>
public sealed class StepFailedException(string message, Exception? inner = null) : Exception(message, inner);
