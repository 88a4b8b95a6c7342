using System.Globalization;

namespace SweLancer.Domain.Summaries;

/// <summary>Dollar amounts as users read them: 4000, not 4000.0; 12.5, not 12.50.</summary>
public static class Money
{
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Text(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    public static string Display(decimal value) => "$" + Normalize(value).ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A difference as users read it: +$250, -$4,000, $0.</summary>
    public static string Signed(decimal value) => (value > 0 ? "+" : value < 0 ? "-" : "") + Display(Math.Abs(value));
}
