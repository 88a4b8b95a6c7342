namespace SweLancer.Domain.Comparison;

/// <summary>A task the two sweeps priced differently.</summary>
public sealed record PriceConflict(string QuestionId, decimal PriceA, decimal PriceB);
