namespace SweLancer.Domain.Ledger;

/// <summary>
/// Percentile bootstrap over tasks: resample the tasks with replacement, recompute the figure, and take the middle 95 %
/// of the results. Seeded, so the same ledger always gives the same interval.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20_260_101;

    public static Interval Percentile<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, double> figure,
        int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95)
    {
        if (items.Count == 0)
            return new Interval(0, 0);
        var random = new Random(seed);
        var values = new double[resamples];
        var sample = new T[items.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
                sample[i] = items[random.Next(items.Count)];
            values[r] = figure(sample);
        }

        Array.Sort(values);
        var tail = (1 - level) / 2;
        return new Interval(At(values, tail), At(values, 1 - tail));
    }

    /// <summary>
    /// The bootstrap of Σ numerator / Σ denominator over resampled items (a mean when every denominator is 1), in a tight
    /// loop: the same draws as <see cref="Percentile{T}"/> with the same seed, at a fraction of its cost on large sweeps.
    /// </summary>
    public static Interval Ratio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators,
        int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95) =>
        Ratios([(numerators, denominators)], resamples, seed, level)[0];

    /// <summary>
    /// Several <see cref="Ratio"/> bootstraps, each giving exactly what it gives alone. The draws depend only on the seed
    /// and the number of items, so the figures over the same number of items share one set of draws: drawing dominates
    /// the cost, and a report asks for several figures over the same tasks.
    /// </summary>
    public static IReadOnlyList<Interval> Ratios(IReadOnlyList<(IReadOnlyList<double> Numerators, IReadOnlyList<double> Denominators)> figures,
        int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95)
    {
        if (figures.Any(f => f.Numerators.Count != f.Denominators.Count))
            throw new ArgumentException("Every item needs a numerator and a denominator.", nameof(figures));
        var intervals = new Interval[figures.Count];
        var tail = (1 - level) / 2;
        foreach (var sameCount in Enumerable.Range(0, figures.Count).GroupBy(f => figures[f].Numerators.Count))
        {
            var count = sameCount.Key;
            var members = sameCount.ToArray();
            if (count == 0)
            {
                foreach (var f in members)
                    intervals[f] = new Interval(0, 0);
                continue;
            }

            var tops = members.Select(f => figures[f].Numerators.ToArray()).ToArray();
            var bottoms = members.Select(f => figures[f].Denominators.ToArray()).ToArray();
            var values = members.Select(_ => new double[resamples]).ToArray();
            var random = new Random(seed);
            var picks = new int[count];
            for (var r = 0; r < resamples; r++)
            {
                for (var i = 0; i < count; i++)
                    picks[i] = random.Next(count);
                for (var m = 0; m < members.Length; m++)
                {
                    var (top, bottom) = (tops[m], bottoms[m]);
                    double sumTop = 0, sumBottom = 0;
                    foreach (var pick in picks)
                    {
                        sumTop += top[pick];
                        sumBottom += bottom[pick];
                    }

                    values[m][r] = sumBottom == 0 ? 0 : sumTop / sumBottom;
                }
            }

            for (var m = 0; m < members.Length; m++)
            {
                Array.Sort(values[m]);
                intervals[members[m]] = new Interval(At(values[m], tail), At(values[m], 1 - tail));
            }
        }

        return intervals;
    }

    // The nearest-rank percentile: a value some resample actually gave.
    private static double At(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
