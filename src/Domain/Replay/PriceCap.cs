using System.Globalization;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Replay;

/// <summary><c>cap:USD</c>: no task is worth more than <see cref="MaxUsd"/>.</summary>
public sealed record PriceCap(decimal MaxUsd) : PriceRule
{
    public override PlannedItem? Apply(PlannedItem item) => item.PriceUsd <= MaxUsd ? item : item with { PriceUsd = MaxUsd };

    public override string Describe() => $"prices capped at ${MaxUsd.ToString("#,0.##", CultureInfo.InvariantCulture)}";
}
