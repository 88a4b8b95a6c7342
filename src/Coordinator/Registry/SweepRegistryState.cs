using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Registry;

/// <summary>The sweeps a coordinator has accepted, in submission order, and which were cancelled. Immutable.</summary>
public sealed record SweepRegistryState(IReadOnlyList<SweepSubmitted> Sweeps, IReadOnlySet<string> Cancelled)
{
    public static SweepRegistryState Empty { get; } = new([], new HashSet<string>());

    public bool Contains(string sweepId) => Sweeps.Any(s => s.SweepId == sweepId);

    public bool IsCancelled(string sweepId) => Cancelled.Contains(sweepId);

    /// <summary>Why a submission cannot be accepted, or null.</summary>
    public string? SubmitProblem(string sweepId) =>
        Contains(sweepId) ? $"a sweep named '{sweepId}' exists already; choose another sweep id" : null;

    /// <summary>Why a sweep cannot be cancelled, or null.</summary>
    public string? CancelProblem(string sweepId) =>
        !Contains(sweepId) ? $"no sweep named '{sweepId}'"
        : IsCancelled(sweepId) ? $"sweep '{sweepId}' is cancelled already"
        : null;

    public SweepRegistryState Apply(SweepSubmitted submitted) =>
        Contains(submitted.SweepId) ? this : this with { Sweeps = [.. Sweeps, submitted] };

    public SweepRegistryState Apply(SweepCancelled cancelled) =>
        !Contains(cancelled.SweepId) ? this : this with { Cancelled = new HashSet<string>(Cancelled) { cancelled.SweepId } };
}
