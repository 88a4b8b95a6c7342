using System.Runtime.InteropServices;

namespace SweLancer.Hosting.Nodes;

/// <summary>
/// SIGTERM (Kubernetes stopping a pod) and SIGINT become a cancellation, so the process can leave the cluster
/// gracefully and remove its containers before it exits, instead of being torn down mid-way.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        ];
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _stop.Dispose();
    }

    // A second signal is not intercepted, so an impatient user (or kubelet) still ends a stuck shutdown at once.
    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
            return;
        context.Cancel = true;
        _stop.Cancel();
    }
}
