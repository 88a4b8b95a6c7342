namespace SweLancer.GraderNode.Patching;

/// <summary>A diff holds something the strict parser does not accept; the message names the 1-based line.</summary>
public sealed class DiffFormatException(int line, string problem) : FormatException($"line {line}: {problem}")
{
    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
