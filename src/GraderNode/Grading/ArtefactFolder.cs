namespace SweLancer.GraderNode.Grading;

/// <summary>Where an attempt's artefacts go: ARTEFACTS/&lt;sweep&gt;/&lt;question_id&gt;/attempt-&lt;n&gt;, names made safe for any file system.</summary>
public static class ArtefactFolder
{
    public static string For(string artefactsDir, AttemptContext attempt, string questionId) =>
        Path.Combine(artefactsDir, Safe(attempt.SweepId), Safe(questionId), $"attempt-{attempt.Attempt}");

    public static string Safe(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var safe = new string(chars).Trim('-', '.');
        return safe.Length == 0 ? "unnamed" : safe.Length > 80 ? safe[..80] : safe;
    }
}
