using Docker.DotNet;
using Docker.DotNet.Models;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// Docker's per-container disk quota (--storage-opt size) needs overlay2 on xfs with project quotas, which engines often
/// lack; so the writable layer's size is read every <see cref="Interval"/>, and a container over its limit is killed
/// and its lease marked. What the model's code wrote is the model's doing: the runner grades that as its failure.
/// </summary>
public sealed class DiskQuotaWatch : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly DockerClient _docker;
    private readonly ContainerLease _lease;
    private readonly long _limit;
    private readonly Task _loop;

    private DiskQuotaWatch(DockerClient docker, ContainerLease lease, long limit)
    {
        _docker = docker;
        _lease = lease;
        _limit = limit;
        _loop = Task.Run(() => WatchAsync(_stop.Token));
    }

    public static DiskQuotaWatch? Start(DockerClient docker, ContainerLease lease, long? limit) =>
        limit is { } bytes ? new DiskQuotaWatch(docker, lease, bytes) : null;

    /// <summary>Checks now (before a pass is decided: a run may end between two looks); true while within the limit.</summary>
    public async Task<bool> CheckNowAsync(CancellationToken cancellation)
    {
        var listed = await _docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Size = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["id"] = new Dictionary<string, bool> { [_lease.Id] = true } },
        }, cancellation);
        if (listed.FirstOrDefault() is not { } container || container.SizeRw <= _limit)
            return _lease.OverDiskReason is null;
        _lease.MarkOverDisk($"the attempt wrote {container.SizeRw / (1024 * 1024):N0} MiB in its container, over the limit of {_limit / (1024 * 1024):N0} MiB");
        await _docker.Containers.KillContainerAsync(_lease.Id, new ContainerKillParameters(), CancellationToken.None);
        return false;
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(Interval, stop);
                if (!await LookAsync(stop))
                    return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (DockerApiException)
        {
            // The container went away meanwhile; the lease is being destroyed.
        }
    }

    /// <summary>
    /// One look, where an engine that cannot be reached (restarting) only skips the look: the watch goes on once it is
    /// back, and never ends faulted, which used to stop the lease's disposal before its container was removed and its
    /// slot given back (a restarted engine left the pool without slots, and the sweep stalled).
    /// </summary>
    private async Task<bool> LookAsync(CancellationToken stop)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bounded.CancelAfter(LookLimit);
        try
        {
            return await CheckNowAsync(bounded.Token);
        }
        catch (Exception ex) when (EngineLoss.Is(ex, stop))
        {
            return true;
        }
    }

    /// <summary>How long one look may take before it counts as the engine not answering.</summary>
    public static readonly TimeSpan LookLimit = TimeSpan.FromSeconds(30);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
