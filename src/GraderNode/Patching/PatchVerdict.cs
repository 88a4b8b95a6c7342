namespace SweLancer.GraderNode.Patching;

/// <summary>Whether a model's patch may be applied, and if not why (the reason is the model's failure).</summary>
public sealed record PatchVerdict(bool Allowed, string Reason, IReadOnlyList<PatchedFile> Files)
{
    /// <summary>The diff to apply: only the sections the policy parsed and approved, without the text around them.</summary>
    public string Diff { get; init; } = "";

    /// <summary>Every path the approved sections touch: applying the diff may change these and nothing else.</summary>
    public IReadOnlySet<string> Paths { get; init; } = new HashSet<string>();

    public static PatchVerdict Allow(IReadOnlyList<PatchedFile> files) => new(true, "", files);

    public static PatchVerdict Reject(string reason) => new(false, reason, []);
}
