namespace SweLancer.Messages.Tasks;

/// <summary>One browser action or expectation. Which of the optional fields are needed depends on <see cref="Action"/>
/// (see <see cref="BrowserActions"/>).</summary>
public sealed record BrowserStep(
    string Action,
    string? Selector = null,
    string? Url = null,
    string? Value = null,
    string? Key = null,
    string? Text = null,
    int? Count = null,
    string? Pattern = null,
    string? Expression = null)
{
    public override string ToString() => Action + (Selector is null ? "" : $" {Selector}") + (Url is null ? "" : $" {Url}");
}
