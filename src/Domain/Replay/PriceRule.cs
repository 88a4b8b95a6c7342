using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Replay;

/// <summary>
/// One way to re-price a finished sweep without regrading it: applied to each planned attempt, it keeps the attempt
/// (perhaps at another price) or leaves it out. The earnings rule itself stays in <see cref="Ledger.TaskResult"/>.
/// </summary>
public abstract record PriceRule
{
    /// <summary>The attempt as this rule prices it, or null when the rule leaves it out.</summary>
    public abstract PlannedItem? Apply(PlannedItem item);

    /// <summary>The rule in words, for the replay's header.</summary>
    public abstract string Describe();
}
