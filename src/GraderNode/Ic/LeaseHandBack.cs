using SweLancer.GraderNode.Containers;

namespace SweLancer.GraderNode.Ic;

/// <summary>Hands a lease back (<see cref="ContainerLease.Release"/>) when the scope ends, without waiting for the removal.</summary>
internal readonly struct LeaseHandBack(ContainerLease lease) : IDisposable
{
    public void Dispose() => lease.Release();
}
