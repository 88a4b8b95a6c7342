namespace SweLancer.Domain.Import;

/// <summary>Text is not a Python literal that <see cref="PythonLiteral"/> accepts.</summary>
public sealed class PythonLiteralException : Exception
{
    public PythonLiteralException(string problem, int offset, int line, int column)
        : base($"{problem} at offset {offset} (line {line}, column {column})")
    {
        Problem = problem;
        Offset = offset;
        LineNumber = line;
        ColumnNumber = column;
    }

    /// <summary>What was expected and what was found, without the position.</summary>
    public string Problem { get; }

    /// <summary>0-based character offset into the parsed text.</summary>
    public int Offset { get; }

    /// <summary>1-based line in the parsed text.</summary>
    public int LineNumber { get; }

    /// <summary>1-based column (in characters) within <see cref="LineNumber"/>.</summary>
    public int ColumnNumber { get; }
}
