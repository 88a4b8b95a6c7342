using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Replay;

/// <summary>
/// A finished sweep's stored results folded again under other pricing rules: the rules reshape the plan (prices, which
/// tasks count), and the one per-task fold (<see cref="TaskResult"/>) does the rest, so nothing is regraded.
/// </summary>
/// <param name="Original">The sweep as it was recorded.</param>
/// <param name="Replayed">The same results under <paramref name="Rules"/>.</param>
/// <param name="UnknownIds">Ids the rules list that the sweep never planned (a typo, or a split wider than the sweep).</param>
public sealed record LedgerReplay(
    IReadOnlyList<PriceRule> Rules,
    IReadOnlyList<TaskResult> Original,
    IReadOnlyList<TaskResult> Replayed,
    IReadOnlyList<string> UnknownIds)
{
    public static LedgerReplay Of(IReadOnlyList<PlannedItem> plan, IReadOnlyList<TaskGraded> results, IReadOnlyList<PriceRule> rules)
    {
        var repriced = plan.Select(item => rules.Aggregate<PriceRule, PlannedItem?>(item, (kept, rule) => kept is null ? null : rule.Apply(kept)))
            .OfType<PlannedItem>()
            .ToList();
        var planned = plan.Select(i => i.QuestionId).ToHashSet(StringComparer.Ordinal);
        var unknown = rules.SelectMany(ListedIds).Where(id => !planned.Contains(id)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new LedgerReplay(rules, TaskResult.Of(plan, results), TaskResult.Of(repriced, results), unknown);
    }

    private static IEnumerable<string> ListedIds(PriceRule rule) => rule switch
    {
        TaskExclusion exclusion => exclusion.QuestionIds,
        TaskSelection selection => selection.QuestionIds,
        _ => [],
    };
}
