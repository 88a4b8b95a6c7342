namespace SweLancer.GraderNode.Protocol;

/// <summary>The image an IC task is graded in, by image mode and an optional mirror template.</summary>
public static class ProtocolImage
{
    public const string Placeholder = "{question_id}";
    public const string Monolith = "swelancer/swelancer_x86_monolith:releasev1";

    public static string PerTask(string questionId) => $"swelancer/swelancer_x86_{questionId}:releasev1";

    public static string For(string questionId, ImageMode mode, string? template)
    {
        if (template is not null)
            return template.Replace(Placeholder, questionId, StringComparison.Ordinal);
        return mode == ImageMode.Monolith ? Monolith : PerTask(questionId);
    }

    /// <summary>Why a template cannot name images, or null. Per-task mode needs the placeholder, or every task would share one image.</summary>
    public static string? Problem(string template, ImageMode mode)
    {
        if (string.IsNullOrWhiteSpace(template) || template.Any(char.IsWhiteSpace))
            return $"image template '{template}' is empty or holds whitespace";
        if (mode == ImageMode.PerTask && !template.Contains(Placeholder, StringComparison.Ordinal))
            return $"image template '{template}' lacks {Placeholder}; per-task images need it (use monolith mode for one image)";
        return null;
    }
}
