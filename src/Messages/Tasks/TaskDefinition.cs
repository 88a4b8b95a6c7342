namespace SweLancer.Messages.Tasks;

/// <summary>One priced task of a task pool.</summary>
/// <param name="QuestionId">The task's id, unique in its pool.</param>
/// <param name="Variant">One of <see cref="TaskVariants"/>.</param>
/// <param name="PriceUsd">What passing the task earns, in dollars.</param>
/// <param name="Title">A short human title, when the source has one.</param>
/// <param name="Manager">Set for <c>swe_manager</c> tasks.</param>
/// <param name="Ic">Set for <c>ic_swe</c> tasks.</param>
public sealed record TaskDefinition(
    string QuestionId,
    string Variant,
    decimal PriceUsd,
    string? Title,
    ManagerTaskSpec? Manager,
    IcTaskSpec? Ic);
