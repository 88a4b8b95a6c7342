using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Replay;

/// <summary><c>only:…</c>: only the listed tasks count, e.g. one split of the task table.</summary>
public sealed record TaskSelection(IReadOnlySet<string> QuestionIds, string Source) : PriceRule
{
    public override PlannedItem? Apply(PlannedItem item) => QuestionIds.Contains(item.QuestionId) ? item : null;

    public override string Describe() => $"only {QuestionIds.Count} listed task(s) ({Source})";
}
