using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Summaries;

/// <summary>
/// Tasks placed once in the groups <see cref="EarningsForecast"/> borrows rates from (variant × price band, variant, the
/// whole sweep), so that a forecast is a loop over arrays. The report's convergence table forecasts the same tasks at a
/// dozen points; hashing each task's variant and band again at every point took most of a 100,000-task report's time.
/// </summary>
internal sealed class ForecastStrata
{
    private const double Z95 = 1.959964;

    private readonly decimal[] _prices;
    private readonly int[] _strata;   // rate id of the task's variant × band
    private readonly int[] _variants; // rate id of the task's variant
    private readonly int _overall;    // rate id of the whole sweep, the last one

    private ForecastStrata(decimal[] prices, int[] strata, int[] variants, int overall) =>
        (_prices, _strata, _variants, _overall) = (prices, strata, variants, overall);

    /// <param name="tasks">Each task's variant and price; the verdicts come with each <see cref="Forecast"/>.</param>
    public static ForecastStrata Of(IReadOnlyList<(string Variant, decimal PriceUsd)> tasks)
    {
        var strataIds = new Dictionary<(string Variant, string Band), int>();
        var variantIds = new Dictionary<string, int>();
        var (strata, variants) = (new int[tasks.Count], new int[tasks.Count]);
        var prices = new decimal[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            prices[i] = task.PriceUsd;
            strata[i] = IdOf(strataIds, (task.Variant, PriceBand.Of(task.PriceUsd).Id));
            variants[i] = IdOf(variantIds, task.Variant);
        }
        // Strata first, then variants after them, then the sweep.
        for (var i = 0; i < variants.Length; i++)
            variants[i] += strataIds.Count;
        return new ForecastStrata(prices, strata, variants, strataIds.Count + variantIds.Count);
    }

    /// <param name="passed">Each task's verdict, in the order given to <see cref="Of"/>; null while undecided.</param>
    /// <returns>Null until a task is decided.</returns>
    public EarningsForecast? Forecast(ReadOnlySpan<bool?> passed)
    {
        if (passed.Length != _prices.Length)
            throw new ArgumentException($"{passed.Length} verdicts for {_prices.Length} tasks.", nameof(passed));
        var counts = new Counts[_overall + 1];
        var earned = 0m;
        for (var i = 0; i < passed.Length; i++)
        {
            if (passed[i] is not { } pass)
                continue;
            counts[_strata[i]].Add(pass);
            counts[_variants[i]].Add(pass);
            counts[_overall].Add(pass);
            if (pass)
                earned += _prices[i];
        }
        if (counts[_overall].Decided == 0)
            return null;

        // Each rate's undecided dollars, summed in the order the rates were first borrowed: its own error moves them together.
        double expected = 0, processVariance = 0;
        var undecidedUsd = 0m;
        var borrowed = new double[counts.Length];
        var borrowedOrder = new List<int>();
        var seen = new bool[counts.Length];
        for (var i = 0; i < passed.Length; i++)
        {
            if (passed[i] is not null)
                continue;
            var id = counts[_strata[i]].Decided > 0 ? _strata[i] : counts[_variants[i]].Decided > 0 ? _variants[i] : _overall;
            var (rate, smoothed) = (counts[id].Rate, counts[id].Smoothed);
            var price = (double)_prices[i];
            expected += price * rate;
            processVariance += price * price * smoothed * (1 - smoothed);
            if (!seen[id])
            {
                seen[id] = true;
                borrowedOrder.Add(id);
            }
            borrowed[id] += price;
            undecidedUsd += _prices[i];
        }

        var rateVariance = 0.0;
        foreach (var id in borrowedOrder)
            rateVariance += borrowed[id] * borrowed[id] * counts[id].Smoothed * (1 - counts[id].Smoothed) / counts[id].Decided;
        var spread = Z95 * Math.Sqrt(processVariance + rateVariance);
        var (floor, ceiling) = ((double)earned, (double)(earned + undecidedUsd));
        var estimate = (double)earned + expected;
        return new EarningsForecast(passed.Length, counts[_overall].Decided, earned, undecidedUsd, decimal.Round((decimal)estimate, 2),
            new Interval(Math.Round(Math.Max(floor, estimate - spread), 2), Math.Round(Math.Min(ceiling, estimate + spread), 2)));
    }

    private static int IdOf<TKey>(Dictionary<TKey, int> ids, TKey key) where TKey : notnull
    {
        if (!ids.TryGetValue(key, out var id))
            ids[key] = id = ids.Count;
        return id;
    }

    /// <summary>Decided and passed tasks of one group; <see cref="Smoothed"/> ((c+1)/(n+2)) keeps a few all-pass or all-fail tasks from claiming certainty.</summary>
    private struct Counts
    {
        public int Decided;
        public int Passed;

        public readonly double Rate => (double)Passed / Decided;

        public readonly double Smoothed => (Passed + 1.0) / (Decided + 2);

        public void Add(bool passed)
        {
            Decided++;
            if (passed)
                Passed++;
        }
    }
}
