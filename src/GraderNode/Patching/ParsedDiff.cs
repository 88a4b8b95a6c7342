namespace SweLancer.GraderNode.Patching;

/// <summary>A diff as the strict parser read it: its file sections, without the prose around them.</summary>
public sealed record ParsedDiff(IReadOnlyList<DiffSection> Sections)
{
    public IReadOnlyList<PatchedFile> Files => Sections.Select(s => s.File).ToList();

    /// <summary>Every path any section touches (old and new names).</summary>
    public IReadOnlySet<string> Paths => Sections.SelectMany(s => s.File.Paths).ToHashSet(StringComparer.Ordinal);

    /// <summary>What GNU patch is given: only the parsed sections, line for line, so it applies nothing the policy did not read.</summary>
    public string PatchText => string.Concat(Sections.SelectMany(s => s.Lines).Select(l => l + "\n"));
}
