namespace SweLancer.Coordinator.Cli;

/// <summary>No coordinator answered at the given address.</summary>
public sealed class CoordinatorUnreachableException(string message) : Exception(message);
