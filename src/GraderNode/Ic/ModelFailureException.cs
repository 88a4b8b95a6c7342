namespace SweLancer.GraderNode.Ic;

/// <summary>The model's answer is at fault (patch refused or does not apply, app never came up). Becomes a failure.</summary>
public sealed class ModelFailureException(string message) : Exception(message);
