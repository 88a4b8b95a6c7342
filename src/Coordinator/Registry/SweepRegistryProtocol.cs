using Akka.Actor;
using SweLancer.Domain.Planning;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Registry;

/// <summary>Accept a sweep whose inputs were already read and planned. Answered with <see cref="SweepAccepted"/> or <see cref="SweepRefused"/>.</summary>
public sealed record SubmitSweep(SweepSubmitted Submitted, SweepPlan Plan);

public sealed record SweepAccepted(string SweepId);

/// <param name="NotFound">The sweep does not exist (as opposed to a conflict with its state).</param>
public sealed record SweepRefused(string SweepId, string Reason, bool NotFound = false);

/// <summary>Stop dispatching a sweep. Answered with <see cref="SweepAccepted"/> or <see cref="SweepRefused"/>.</summary>
public sealed record CancelSweep(string SweepId);

/// <summary>Ask for every <see cref="RegisteredSweep"/>, in submission order.</summary>
public sealed record ListSweeps
{
    public static readonly ListSweeps Instance = new();
}

/// <summary>
/// A sweep the registry knows: its submission, whether it was cancelled, and the actors that run it. Plan and actors
/// are null when its inputs could no longer be read after a restart (<paramref name="Problem"/> says why).
/// </summary>
public sealed record RegisteredSweep(
    SweepSubmitted Submitted, bool Cancelled, SweepPlan? Plan, IActorRef? Sweep, IActorRef? Ledger, string? Problem)
{
    public string SweepId => Submitted.SweepId;

    /// <summary>The plan as the ledger and reports read it; worked out once, since it hashes every answer.</summary>
    public IReadOnlyList<PlannedItem>? Planned { get; } = Plan?.Planned();
}
