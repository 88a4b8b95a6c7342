namespace SweLancer.Domain.Replay;

/// <summary>A <c>--price-rule</c> cannot be used; the message names the rule and says what is wrong with it.</summary>
public sealed class PriceRuleException(string message) : Exception(message);
