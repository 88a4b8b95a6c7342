using SweLancer.Domain.Ledger;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Planning;

/// <summary>Everything one sweep grades, and what the inputs said that the user should know.</summary>
public sealed record SweepPlan(string SweepId, IReadOnlyList<SweepWorkItem> Items, IReadOnlyList<string> Warnings)
{
    private IReadOnlyList<PlannedItem>? _planned;

    /// <summary>The journal's view of the items; made once, since each hashes its answer.</summary>
    public IReadOnlyList<PlannedItem> Planned() => _planned ??= Items.Select(i => i.ToPlanned()).ToList();

    /// <summary>The ledger before anything is graded: tasks, attempts and dollars available.</summary>
    public LedgerSummary Ungraded() => LedgerSummary.Of(SweepId, Planned(), []);
}
