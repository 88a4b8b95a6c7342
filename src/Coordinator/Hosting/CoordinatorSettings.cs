using SweLancer.Coordinator.Api;
using SweLancer.GraderNode.Hosting;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Everything a coordinator process is started with.</summary>
/// <param name="LogPath">Akka's log: a file, or "-" for standard output.</param>
public sealed record CoordinatorSettings(NodeSettings Node, DatabaseTarget Db, ApiSettings Api, string LogPath, TimeSpan JoinTimeout);
