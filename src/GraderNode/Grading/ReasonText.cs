namespace SweLancer.GraderNode.Grading;

/// <summary>Reasons end up in one CSV cell and one table row: tool output is shortened the same way everywhere.</summary>
public static class ReasonText
{
    /// <summary>The lines joined with " | ", at most <paramref name="max"/> characters.</summary>
    public static string OneLine(string text, int max)
    {
        var line = string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > max ? line[..max] + "…" : line;
    }

    /// <summary>The last <paramref name="max"/> characters, where the error usually is.</summary>
    public static string Tail(string output, int max = 1500) => output.Length > max ? "…" + output[^max..] : output;
}
