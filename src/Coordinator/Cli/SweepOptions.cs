using SweLancer.Coordinator.Sweeps;
using SweLancer.GraderNode.Protocol;
using SweLancer.Domain.Planning;
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
    int? ContainerSlots = null,
    string? ArtefactsDir = null,
    ProtocolSettings? Protocol = null);
