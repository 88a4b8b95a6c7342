namespace SweLancer.Domain.Summaries;

/// <summary>A price range tasks are grouped by in the report: from <see cref="MinUsd"/> (inclusive) to <see cref="MaxUsd"/> (exclusive; null = no limit).</summary>
public sealed record PriceBand(string Id, string Label, decimal MinUsd, decimal? MaxUsd)
{
    /// <summary>SWE-Lancer prices run from $50 to tens of thousands; these split the Lite table into comparable groups.</summary>
    public static readonly IReadOnlyList<PriceBand> All =
    [
        new("lt500", "< $500", 0m, 500m),
        new("500-1k", "$500 – $1k", 500m, 1_000m),
        new("1k-2k", "$1k – $2k", 1_000m, 2_000m),
        new("2k-5k", "$2k – $5k", 2_000m, 5_000m),
        new("ge5k", "≥ $5k", 5_000m, null),
    ];

    public bool Contains(decimal priceUsd) => priceUsd >= MinUsd && (MaxUsd is null || priceUsd < MaxUsd);

    /// <summary>The band of a price; negative prices (never valid input) fall into the lowest.</summary>
    public static PriceBand Of(decimal priceUsd)
    {
        foreach (var band in All) // a loop, not LINQ: the forecast asks this for every task on every recompute
            if (band.Contains(priceUsd))
                return band;
        return All[0];
    }
}
