namespace SweLancer.Messages.Tasks;

/// <summary>One named end-to-end check: steps run in order in a fresh browser context; the first failing step fails it.</summary>
public sealed record BrowserTest(string Name, IReadOnlyList<BrowserStep> Steps);
