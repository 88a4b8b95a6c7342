namespace SweLancer.Domain.Import;

/// <summary>One thing wrong with an input file, located as precisely as the format allows.</summary>
/// <param name="Path">The file, as the user named it.</param>
/// <param name="Line">1-based line (or, for CSV, data row) number; null when the problem concerns the whole file.</param>
/// <param name="Column">The CSV column, JSON path or property concerned, when there is one.</param>
/// <param name="Detail">What is wrong, phrased for a user.</param>
public sealed record InputProblem(string Path, int? Line, string? Column, string Detail)
{
    /// <summary>
    /// How the location is spelled in the message, e.g. <c>row 12 (question_id 15193-manager-0)</c>.
    /// When null the bare line number is used, giving the familiar <c>file:12: …</c> form.
    /// </summary>
    public string? Where { get; init; }

    /// <summary>False when <see cref="Detail"/> already names the field, so the message stays <c>file:line: detail</c>.</summary>
    public bool ColumnInMessage { get; init; } = true;

    public override string ToString()
    {
        var where = Where ?? Line?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var location = where is null ? Path : $"{Path}:{where}";
        return Column is null || !ColumnInMessage ? $"{location}: {Detail}" : $"{location}, {ColumnLabel}: {Detail}";
    }

    /// <summary>How <see cref="Column"/> is introduced; CSV says "column", JSON paths stand alone.</summary>
    public string ColumnLabel => Column is not null && Column.StartsWith('$') ? Column : $"column {Column}";
}
