namespace SweLancer.Coordinator.Api;

/// <summary>One cluster member as this coordinator's cluster state sees it.</summary>
/// <param name="Status">The member status in snake_case: joining, weakly_up, up, leaving, exiting, down, removed.</param>
/// <param name="Reachable">False when the failure detector marked it unreachable from here.</param>
/// <param name="Self">True for the coordinator answering the request.</param>
public sealed record ClusterMemberInfo(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable, bool Self);
