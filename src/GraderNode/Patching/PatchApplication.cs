namespace SweLancer.GraderNode.Patching;

/// <summary>How applying one patch went: <see cref="Applied"/>, with fuzz or not, and patch's own words.</summary>
public sealed record PatchApplication(bool Applied, bool NeededFuzz, string Output);
