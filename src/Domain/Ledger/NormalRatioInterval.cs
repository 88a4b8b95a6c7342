using MathNet.Numerics.Distributions;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// The large-sample interval of Σ numerator / Σ denominator over items drawn with replacement: the ratio ± z standard
/// errors, the standard error by the delta method (√Σ(xᵢ − R·yᵢ)² / Σyᵢ). This is the variance the ratio bootstrap
/// estimates by resampling; for thousands of items the two agree within the bootstrap's own Monte-Carlo error, and this
/// costs one pass instead of a thousand. With denominators ≥ 0 the ratio is a weighted mean of the items' own ratios, so
/// the interval is kept within their range, as every resample is (a share never goes past 0 or 1).
/// </summary>
public static class NormalRatioInterval
{
    public static Interval Of(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, double level = 0.95)
    {
        if (numerators.Count != denominators.Count)
            throw new ArgumentException("Every item needs a numerator and a denominator.", nameof(denominators));
        double sumTop = 0, sumBottom = 0, lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        var weighted = true;
        for (var i = 0; i < numerators.Count; i++)
        {
            sumTop += numerators[i];
            sumBottom += denominators[i];
            weighted &= denominators[i] >= 0;
            if (denominators[i] > 0)
            {
                lowest = Math.Min(lowest, numerators[i] / denominators[i]);
                highest = Math.Max(highest, numerators[i] / denominators[i]);
            }
        }

        if (sumBottom == 0)
            return new Interval(0, 0);
        var ratio = sumTop / sumBottom;
        double squares = 0;
        for (var i = 0; i < numerators.Count; i++)
        {
            var residual = numerators[i] - ratio * denominators[i];
            squares += residual * residual;
        }

        var spread = Normal.InvCDF(0, 1, 1 - (1 - level) / 2) * Math.Sqrt(squares) / sumBottom;
        return weighted
            ? new Interval(Math.Max(lowest, ratio - spread), Math.Min(highest, ratio + spread))
            : new Interval(ratio - spread, ratio + spread);
    }
}
