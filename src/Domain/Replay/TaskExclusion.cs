using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Replay;

/// <summary><c>exclude:…</c>: the listed tasks are left out, as if they had never been in the pool.</summary>
public sealed record TaskExclusion(IReadOnlySet<string> QuestionIds, string Source) : PriceRule
{
    public override PlannedItem? Apply(PlannedItem item) => QuestionIds.Contains(item.QuestionId) ? null : item;

    public override string Describe() => $"{QuestionIds.Count} task(s) excluded ({Source})";
}
