using SweLancer.Domain.Summaries;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Sweeps;

/// <summary>Arranges a plan's attempts in a <see cref="DispatchOrder"/>.</summary>
public static class DispatchOrdering
{
    public const string Names = "plan, price or stratified";

    public static DispatchOrder? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "plan" => DispatchOrder.Plan,
        "price" => DispatchOrder.Price,
        "stratified" => DispatchOrder.Stratified,
        _ => null,
    };

    public static string Name(DispatchOrder order) => order.ToString().ToLowerInvariant();

    public static IReadOnlyList<PlannedItem> Arrange(IReadOnlyList<PlannedItem> items, DispatchOrder order, string sweepId)
    {
        var tasks = items.GroupBy(i => i.QuestionId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(i => i.Attempt).ToList())
            .ToList();
        IEnumerable<List<PlannedItem>> arranged = order switch
        {
            DispatchOrder.Price => tasks.OrderByDescending(t => t[0].PriceUsd),
            DispatchOrder.Stratified => Stratified(tasks, new Random(StableSeed(sweepId))),
            _ => tasks,
        };
        return arranged.SelectMany(t => t).ToList();
    }

    // Each task gets the position (j + ½)/n within its shuffled stratum of n; sorting by it interleaves the strata in proportion.
    private static IEnumerable<List<PlannedItem>> Stratified(List<List<PlannedItem>> tasks, Random random) =>
        tasks.GroupBy(t => (t[0].Variant, Band: PriceBand.Of(t[0].PriceUsd).Id))
            .OrderBy(g => g.Key.Variant, StringComparer.Ordinal).ThenBy(g => g.Key.Band, StringComparer.Ordinal)
            .SelectMany((stratum, s) =>
            {
                var shuffled = stratum.ToArray();
                random.Shuffle(shuffled);
                return shuffled.Select((task, j) => (Task: task, Position: (j + 0.5) / shuffled.Length, Stratum: s));
            })
            .OrderBy(x => x.Position).ThenBy(x => x.Stratum)
            .Select(x => x.Task)
            .ToList();

    // FNV-1a: string.GetHashCode differs between processes, and a resumed sweep must keep its order.
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}
