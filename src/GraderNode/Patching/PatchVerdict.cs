namespace SweLancer.GraderNode.Patching;

/// <summary>Whether a model's patch may be applied, and if not why (the reason is the model's failure).</summary>
public sealed record PatchVerdict(bool Allowed, string Reason, IReadOnlyList<PatchedFile> Files)
{
    public static PatchVerdict Allow(IReadOnlyList<PatchedFile> files) => new(true, "", files);

    public static PatchVerdict Reject(string reason) => new(false, reason, []);
}
