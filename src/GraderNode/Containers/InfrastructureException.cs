namespace SweLancer.GraderNode.Containers;

/// <summary>Ours, not the model's: the engine is gone, an image is missing, the browser crashed. Becomes a system error.</summary>
public sealed class InfrastructureException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}
