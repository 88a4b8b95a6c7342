using System.Globalization;

namespace SweLancer.Domain.Import;

/// <summary>The bound on one task's price, the same in every pool format.</summary>
public static class TaskPrices
{
    /// <summary>
    /// One billion dollars: far above any real task (SWE-Lancer's largest is $32,000), yet low enough that the sum of
    /// 2^31 such prices stays far inside <see cref="decimal"/>, so no total, ledger or report can overflow.
    /// </summary>
    public const decimal MaxUsd = 1_000_000_000m;

    public static string MaxUsdText => MaxUsd.ToString(CultureInfo.InvariantCulture);
}
