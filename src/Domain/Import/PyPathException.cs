namespace SweLancer.Domain.Import;

/// <summary>A parsed Python literal does not have the shape a <see cref="PyPath"/> lookup expected.</summary>
public sealed class PyPathException(string message) : Exception(message);
