using SweLancer.Domain.Sweeps;
namespace SweLancer.Coordinator.Sweeps;

/// <summary>Ask whether the sweep accepted its plan. Answered, once recovered, with <see cref="SweepStarted"/> or <see cref="SweepRejected"/>.</summary>
public sealed record GetSweepStatus
{
    public static readonly GetSweepStatus Instance = new();
}

/// <summary>The sweep runs; <paramref name="AlreadyGraded"/> results were recovered from the journal.</summary>
public sealed record SweepStarted(string SweepId, int Total, int AlreadyGraded, bool Resumed);

/// <summary>The sweep refused the plan, e.g. because a resumed sweep was given different inputs.</summary>
public sealed record SweepRejected(string SweepId, string Reason);

/// <summary>Ask for a <see cref="SweepProgress"/>.</summary>
public sealed record GetSweepProgress
{
    public static readonly GetSweepProgress Instance = new();
}
