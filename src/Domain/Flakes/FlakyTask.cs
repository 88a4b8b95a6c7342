namespace SweLancer.Domain.Flakes;

/// <summary>A task whose recorded test runs disagree, with every attempt's runs and what the task earned (by the ledger's rule).</summary>
public sealed record FlakyTask(string QuestionId, string Variant, decimal PriceUsd, decimal EarnedUsd, IReadOnlyList<AttemptRuns> Attempts);
