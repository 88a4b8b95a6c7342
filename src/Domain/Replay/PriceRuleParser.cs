using System.Globalization;
using SweLancer.Domain.Import;

namespace SweLancer.Domain.Replay;

/// <summary>
/// Reads <c>--price-rule</c> values: <c>cap:USD</c>, <c>exclude:IDS</c>, <c>only:IDS</c> and <c>variant:NAME</c>, where
/// IDS is a comma-separated list of question ids, a text file with one id per line (<c>#</c> starts a comment), or a
/// task pool file (<c>.csv</c> or <c>.json</c>) whose tasks are meant, e.g. one split of the task table.
/// </summary>
public static class PriceRuleParser
{
    public const string Forms = "cap:USD, exclude:IDS, only:IDS or variant:NAME (IDS: id,id,… or a file of ids or a task pool file)";

    private static readonly string[] Variants = ["ic_swe", "swe_manager"];

    /// <exception cref="PriceRuleException">The rule has an unknown kind or a bad value.</exception>
    /// <exception cref="InputFormatException">A task pool file named by the rule cannot be read.</exception>
    public static PriceRule Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            throw Problem(text, $"expected KIND:VALUE, one of {Forms}");
        var (kind, value) = (text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim());
        return kind switch
        {
            "cap" => new PriceCap(Dollars(text, value)),
            "exclude" => new TaskExclusion(Ids(text, value), SourceOf(value)),
            "only" => new TaskSelection(Ids(text, value), SourceOf(value)),
            "variant" => Variants.Contains(value) ? new VariantSelection(value)
                : throw Problem(text, $"unknown variant '{value}'; expected {string.Join(" or ", Variants)}"),
            _ => throw Problem(text, $"unknown rule kind '{kind}'; expected {Forms}"),
        };
    }

    private static decimal Dollars(string text, string value) =>
        decimal.TryParse(value.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var usd) && usd >= 0
            ? usd
            : throw Problem(text, $"the cap must be a dollar amount of at least 0 (e.g. cap:500), not '{value}'");

    private static HashSet<string> Ids(string text, string value)
    {
        IEnumerable<string> ids;
        if (File.Exists(value))
            ids = IsTaskPool(value) ? TaskPoolReader.Read(value).Select(t => t.QuestionId) : IdsInTextFile(value);
        else if (LooksLikePath(value))
            throw Problem(text, $"file not found: {value}");
        else
            ids = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        var set = ids.ToHashSet(StringComparer.Ordinal);
        return set.Count > 0 ? set : throw Problem(text, $"{value} lists no question ids");
    }

    private static IEnumerable<string> IdsInTextFile(string path) => File.ReadLines(path)
        .Select(line => (line.IndexOf('#') is var hash and >= 0 ? line[..hash] : line).Trim())
        .Where(line => line.Length > 0);

    private static bool IsTaskPool(string path) => Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".json";

    // A value meant as a file but mistyped must not be read as a one-id list.
    private static bool LooksLikePath(string value) =>
        value.Contains('/') || value.Contains('\\') || Path.GetExtension(value).ToLowerInvariant() is ".txt" or ".csv" or ".json" or ".jsonl";

    private static string SourceOf(string value) => File.Exists(value) ? Path.GetFileName(value) : "listed";

    private static PriceRuleException Problem(string text, string detail) => new($"--price-rule '{text}': {detail}");
}
