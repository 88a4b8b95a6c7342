using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Replay;

/// <summary><c>variant:NAME</c>: only the tasks of one variant count (<c>ic_swe</c> or <c>swe_manager</c>).</summary>
public sealed record VariantSelection(string Variant) : PriceRule
{
    public override PlannedItem? Apply(PlannedItem item) => item.Variant == Variant ? item : null;

    public override string Describe() => $"only {Variant} tasks";
}
