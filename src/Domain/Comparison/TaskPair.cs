using SweLancer.Domain.Ledger;

namespace SweLancer.Domain.Comparison;

/// <summary>
/// One task both sweeps planned, with each sweep's per-task result. Whether it passed and what it earned come from
/// <see cref="TaskResult"/> (the one earnings rule); the pair only says what changed from A to B.
/// </summary>
public sealed record TaskPair(TaskResult A, TaskResult B)
{
    public string QuestionId => A.QuestionId;

    public string Variant => A.Variant;

    /// <summary>The task's price; both sweeps priced it the same, or they are not compared (<see cref="SweepComparison"/>).</summary>
    public decimal PriceUsd => A.PriceUsd;

    /// <summary>B passed where A did not.</summary>
    public bool Won => B.Passed && !A.Passed;

    /// <summary>A passed where B did not.</summary>
    public bool Lost => A.Passed && !B.Passed;

    /// <summary>What B earned on the task minus what A earned: the price, minus the price, or 0.</summary>
    public decimal DifferenceUsd => B.EarnedUsd - A.EarnedUsd;

    /// <summary>1 when only B passed, -1 when only A passed, else 0: the task's share in the pass-rate difference.</summary>
    public int PassDifference => (B.Passed ? 1 : 0) - (A.Passed ? 1 : 0);
}
