namespace SweLancer.Hosting.Cluster;

/// <summary>The node could not join its cluster; the message says which seeds it tried.</summary>
public sealed class ClusterJoinException(string message) : Exception(message);
