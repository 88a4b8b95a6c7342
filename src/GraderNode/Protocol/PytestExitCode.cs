namespace SweLancer.GraderNode.Protocol;

/// <summary>Reads the exit code file as upstream does: its last line that parses as an integer, else -1.</summary>
public static class PytestExitCode
{
    public const int Missing = -1;

    public static int Parse(string? text)
    {
        if (text is null)
            return Missing;
        foreach (var line in text.Split('\n').Reverse())
        {
            if (int.TryParse(line.Trim(), out var code))
                return code;
        }
        return Missing;
    }
}
