using SweLancer.Messages.Events;

namespace SweLancer.Domain.Flakes;

/// <summary>The recorded test runs of one attempt of a task.</summary>
public sealed record AttemptRuns(int Attempt, IReadOnlyList<TestRunRecord> Runs);
