using SweLancer.Coordinator.Embedded;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Cli;

/// <summary>What `swelancer sweep` was asked to do, after defaults are applied.</summary>
public sealed record SweepOptions(
    string TasksPath,
    string SubmissionsPath,
    string SweepId,
    string OutDir,
    string? Db,
    string? SummaryJsonPath,
    DispatchPolicy Policy,
    EmbeddedGrading Grading);
