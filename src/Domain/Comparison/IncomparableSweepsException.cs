namespace SweLancer.Domain.Comparison;

/// <summary>Two sweeps that cannot be compared task by task: they share no task, or they price a shared task differently.</summary>
public sealed class IncomparableSweepsException(string message) : Exception(message);
