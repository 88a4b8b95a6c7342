using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;

namespace SweLancer.Domain.Comparison;

/// <summary>One sweep's side of a comparison, over the shared tasks only.</summary>
/// <param name="Undecided">Shared tasks with no pass yet and attempts still to grade (the sweep has not finished); they count as not passed.</param>
public sealed record ComparedSide(string SweepId, int Passed, double PassRate, decimal EarnedUsd, int Undecided);

/// <summary>
/// Sweep B against sweep A, task by task, over the question_ids both planned. Each task's result comes from
/// <see cref="TaskResult"/> (a task passes when any attempt passed, and earns its price once); the comparison adds
/// only the pairing. Won: B passed where A did not; lost: the reverse. The differences are B − A, with 95 % intervals
/// from a paired bootstrap: the shared tasks are resampled with replacement, each keeping both results, so what the
/// two sweeps have in common (the same hard tasks) cancels out. Tasks only one sweep planned are counted, not compared.
/// A task priced differently by the two sweeps makes them incomparable: which price counts would change the dollars.
/// </summary>
public sealed record SweepComparison(
    ComparedSide A,
    ComparedSide B,
    IReadOnlyList<TaskPair> Shared,
    IReadOnlyList<string> OnlyInA,
    IReadOnlyList<string> OnlyInB,
    decimal AvailableUsd,
    decimal DifferenceUsd,
    Interval DifferenceUsdInterval,
    double PassRateDifference,
    Interval PassRateDifferenceInterval)
{
    /// <summary>Tasks B passed and A did not, in A's plan order.</summary>
    public IReadOnlyList<TaskPair> Won => Shared.Where(p => p.Won).ToList();

    /// <summary>Tasks A passed and B did not, in A's plan order.</summary>
    public IReadOnlyList<TaskPair> Lost => Shared.Where(p => p.Lost).ToList();

    public decimal GainedUsd => Won.Sum(p => p.PriceUsd);

    public decimal LostUsd => Lost.Sum(p => p.PriceUsd);

    /// <exception cref="IncomparableSweepsException">The sweeps share no task, or price a shared task differently.</exception>
    public static SweepComparison Of(string sweepA, IReadOnlyList<TaskResult> a, string sweepB, IReadOnlyList<TaskResult> b,
        int seed = Bootstrap.DefaultSeed)
    {
        var bById = b.ToDictionary(t => t.QuestionId, StringComparer.Ordinal);
        var aIds = a.Select(t => t.QuestionId).ToHashSet(StringComparer.Ordinal);
        var shared = a.Where(t => bById.ContainsKey(t.QuestionId)).Select(t => new TaskPair(t, bById[t.QuestionId])).ToList();
        if (shared.Count == 0)
            throw new IncomparableSweepsException(
                $"sweeps '{sweepA}' ({a.Count} tasks) and '{sweepB}' ({b.Count} tasks) share no question_id: there is nothing to compare.");
        var conflicts = PriceConflicts(shared);
        if (conflicts.Count > 0)
            throw new IncomparableSweepsException(
                $"sweeps '{sweepA}' and '{sweepB}' price {conflicts.Count} shared task(s) differently, so their dollars do not compare: "
                + string.Join(", ", conflicts.Take(5).Select(c => $"{c.QuestionId} ({Money.Display(c.PriceA)} in A, {Money.Display(c.PriceB)} in B)"))
                + (conflicts.Count > 5 ? ", …" : "") + ". Compare sweeps graded against the same task prices.");

        return new SweepComparison(
            Side(sweepA, shared.Select(p => p.A).ToList()),
            Side(sweepB, shared.Select(p => p.B).ToList()),
            shared,
            a.Where(t => !bById.ContainsKey(t.QuestionId)).Select(t => t.QuestionId).ToList(),
            b.Where(t => !aIds.Contains(t.QuestionId)).Select(t => t.QuestionId).ToList(),
            shared.Sum(p => p.PriceUsd),
            shared.Sum(p => p.DifferenceUsd),
            Rounded(Bootstrap.Percentile(shared, s => s.Sum(p => (double)p.DifferenceUsd), seed: seed), 2),
            shared.Average(p => (double)p.PassDifference),
            Rounded(Bootstrap.Percentile(shared, s => s.Average(p => (double)p.PassDifference), seed: seed), 6));
    }

    /// <summary>Shared tasks the two sweeps priced differently, in A's plan order.</summary>
    public static IReadOnlyList<PriceConflict> PriceConflicts(IEnumerable<TaskPair> shared) =>
        shared.Where(p => p.A.PriceUsd != p.B.PriceUsd).Select(p => new PriceConflict(p.QuestionId, p.A.PriceUsd, p.B.PriceUsd)).ToList();

    private static ComparedSide Side(string sweepId, IReadOnlyList<TaskResult> tasks) =>
        new(sweepId, tasks.Count(t => t.Passed), tasks.Average(t => t.Passed ? 1.0 : 0.0), tasks.Sum(t => t.EarnedUsd),
            tasks.Count(t => t.Verdict is null));

    // Sums of decimal prices taken as doubles: rounding keeps 0.1 + 0.2 from showing as 0.30000000000000004.
    private static Interval Rounded(Interval interval, int digits) =>
        new(Math.Round(interval.Low, digits), Math.Round(interval.High, digits));
}
