namespace SweLancer.Messages.Nodes;

/// <summary>How a node's container slots are used at one moment.</summary>
/// <param name="Slots">Containers allowed alive at once.</param>
/// <param name="Leased">Containers lent to attempts being graded.</param>
/// <param name="Warm">Started ahead of time and waiting for an attempt.</param>
/// <param name="Free">Slots with no container.</param>
public sealed record ContainerPoolUse(int Slots, int Leased, int Warm, int Free);
