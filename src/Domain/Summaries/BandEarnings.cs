using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Summaries;

/// <summary>What the tasks of one price band earned, counted per task.</summary>
public sealed record BandEarnings(PriceBand Band, int Tasks, int Passed, decimal EarnedUsd, decimal AvailableUsd)
{
    /// <summary>Every band, in price order, empty ones included so reports of different sweeps line up.</summary>
    public static IReadOnlyList<BandEarnings> Of(IEnumerable<TaskResult> tasks)
    {
        // One pass that sorts each task into its band, rather than a pass over every task per band.
        var byBand = tasks.ToLookup(t => PriceBand.Of(t.PriceUsd).Id);
        return PriceBand.All.Select(band =>
        {
            var inBand = byBand[band.Id].ToList();
            return new BandEarnings(band, inBand.Count, inBand.Count(t => t.Passed), inBand.Sum(t => t.EarnedUsd), inBand.Sum(t => t.PriceUsd));
        }).ToList();
    }
}
