using System.Globalization;

namespace SweLancer.GraderNode.Bench;

/// <summary>Reads a bench duration: a number with ms, s or m ("2s", "100ms", "1.5s", "0s").</summary>
public static class BenchDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, double.NaN);
        if (double.IsNaN(unit) || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        duration = TimeSpan.FromMilliseconds(value * unit);
        return true;
    }
}
