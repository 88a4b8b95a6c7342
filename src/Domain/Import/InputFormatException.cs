namespace SweLancer.Domain.Import;

/// <summary>
/// An input file (task pool, submissions) cannot be used. The message is meant for users: it names the file,
/// the line or row and the column or JSON path, lists every problem found (one per line) and never needs a stack trace.
/// </summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string path, int? line, string? column, string detail, string? where = null)
        : this([new InputProblem(path, line, column, detail) { Where = where }])
    {
    }

    public InputFormatException(IReadOnlyList<InputProblem> problems, Exception? innerException = null)
        : base(Format(problems), innerException)
    {
        if (problems.Count == 0)
            throw new ArgumentException("An InputFormatException needs at least one problem.", nameof(problems));
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>The file of the first problem.</summary>
    public string Path => Problems[0].Path;

    /// <summary>1-based line (CSV: data row) of the first problem, when it has one.</summary>
    public int? Line => Problems[0].Line;

    /// <summary>Column, JSON path or field of the first problem, when it has one.</summary>
    public string? Column => Problems[0].Column;

    private static string Format(IReadOnlyList<InputProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => p.ToString()));
}
