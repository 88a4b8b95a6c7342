namespace SweLancer.Domain.Ledger;

/// <summary>A confidence interval: the 95 % bootstrap range of a figure.</summary>
public sealed record Interval(double Low, double High);
