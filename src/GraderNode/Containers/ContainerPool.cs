using System.Collections.Concurrent;
using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using SweLancer.GraderNode.Telemetry;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// A node's grading containers: at most <see cref="ContainerPoolOptions.Slots"/> alive at once (leased or pre-warmed),
/// each with memory, CPU and process limits, on an internal network with no way out. A container serves one attempt
/// and is destroyed; pre-warming starts containers for upcoming work so an attempt does not wait for one. Images
/// (<see cref="ImageCache"/>), networks (<see cref="GradingNetworks"/>), leftovers (<see cref="OrphanReaper"/>) and
/// what a container is created with (<see cref="ContainerSpecBuilder"/>) live in their own classes; readiness is the
/// runner's (<see cref="IReadinessStrategy"/>).
/// </summary>
public sealed class ContainerPool : IAsyncDisposable
{
    private readonly DockerClient _docker;
    private readonly ContainerPoolOptions _options;
    private readonly Uri _endpoint;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<(string Image, string Sweep, InstallFolders Folders, bool Offline), ConcurrentQueue<ContainerLease>> _warm = new();
    private readonly ImageCache _images;
    private readonly GradingNetworks _networks;
    private readonly OrphanReaper _reaper;
    private readonly ConcurrentDictionary<string, ContainerLease> _alive = new();
    private readonly ConcurrentDictionary<Task, bool> _warming = new();
    private readonly ConcurrentDictionary<Task, bool> _starting = new();
    private volatile bool _closing;

    /// <summary>Docker's network mode without any interface but loopback.</summary>
    public const string NoNetwork = "none";

    private ContainerPool(DockerClient docker, Uri endpoint, ContainerPoolOptions options)
    {
        _docker = docker;
        _endpoint = endpoint;
        _options = options;
        _slots = new SemaphoreSlim(options.Slots, options.Slots);
        _images = new ImageCache(docker, endpoint);
        _networks = new GradingNetworks(docker, options.NetworkName);
        _reaper = new OrphanReaper(docker, options.NodeId);
    }

    /// <summary>The grading network's subnet: all the browser may reach.</summary>
    public string GradingSubnet { get; private set; } = "";

    /// <summary>Why containers can still reach this host through the network's gateway, or null when they cannot.</summary>
    public string? IsolationProblem { get; private set; }

    /// <summary>The images this pool found on its engine or pulled, sorted.</summary>
    public IReadOnlyList<string> HeldImages() => _images.Held();

    /// <inheritdoc cref="ImageCache.SizeOf"/>
    public long ImageSize(string image) => _images.SizeOf(image);

    /// <inheritdoc cref="ImageCache.RemoveAsync"/>
    public Task<bool> RemoveImageAsync(string image, CancellationToken cancellation) => _images.RemoveAsync(image, cancellation);

    /// <summary>Makes sure the image is on this engine, pulling it if needed.</summary>
    /// <exception cref="InfrastructureException">The image is not available.</exception>
    public Task EnsureImageAsync(string image, CancellationToken cancellation) => _images.EnsureAsync(image, cancellation);

    /// <inheritdoc cref="GradingNetworks.EnsureSetupNetworkAsync"/>
    public Task<string> EnsureSetupNetworkAsync(CancellationToken cancellation) => _networks.EnsureSetupNetworkAsync(cancellation);

    /// <inheritdoc cref="GradingNetworks.DisconnectAsync"/>
    public Task DisconnectAsync(string containerId, string network, CancellationToken cancellation) => _networks.DisconnectAsync(containerId, network, cancellation);

    /// <summary>Removes every container of this node (leftovers of a crashed run).</summary>
    public Task<int> RemoveOrphansAsync(CancellationToken cancellation) => _reaper.RemoveNodeContainersAsync(cancellation);

    private Task RemoveQuietlyAsync(string id) => _reaper.RemoveQuietlyAsync(id);

    public ContainerPoolOptions Options => _options;

    /// <summary>Slots by state; they add up to the pool's size. Read without locks, so a snapshot may be a moment stale.</summary>
    internal (int Used, int Idle, int Free) SlotUsage()
    {
        var free = _slots.CurrentCount;
        var idle = _warm.Values.Sum(q => q.Count);
        return (Math.Max(0, _options.Slots - free - idle), idle, free);
    }

    /// <summary>Connects, makes sure the internal network exists, and removes this node's leftovers from an earlier run.</summary>
    /// <exception cref="InfrastructureException">The engine cannot be reached or refuses.</exception>
    public static async Task<ContainerPool> StartAsync(Uri endpoint, ContainerPoolOptions options, CancellationToken cancellation = default)
    {
        var docker = DockerEndpoint.Connect(endpoint);
        try
        {
            using var ping = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            ping.CancelAfter(TimeSpan.FromSeconds(10));
            await docker.System.PingAsync(ping.Token);
            var pool = new ContainerPool(docker, endpoint, options);
            await pool.RemoveOrphansAsync(cancellation);
            pool.GradingSubnet = await pool._networks.EnsureGradingNetworkAsync(cancellation);
            pool.IsolationProblem = await HostGatewayGuard.EnsureAsync(GradingNetworks.BridgeName(options.NetworkName), endpoint);
            ContainerSlotGauge.Track(pool);
            return pool;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            docker.Dispose();
            throw new InfrastructureException($"the Docker engine at {endpoint} is not usable: {Describe(ex)}", retryable: true, ex);
        }
    }

    /// <summary>Takes a started container of <paramref name="image"/> that the harness installs nothing into, waiting for a free slot.</summary>
    /// <exception cref="InfrastructureException">The image is not available, or the engine failed.</exception>
    public Task<ContainerLease> LeaseAsync(string image, string sweepId, CancellationToken cancellation) =>
        LeaseAsync(image, sweepId, InstallFolders.None, cancellation);

    /// <summary>
    /// Takes a started container of <paramref name="image"/>, waiting for a free slot. With a read-only root
    /// (<see cref="ContainerPoolOptions.ReadOnlyRoot"/>) only <paramref name="folders"/> can be installed into.
    /// </summary>
    /// <param name="offline">No network at all, not even the grading network (only loopback): for attempts whose tests
    /// run inside the container. It is also cheaper: a bridge endpoint costs the engine about 60 ms of CPU per container.</param>
    /// <exception cref="InfrastructureException">The image is not available, or the engine failed.</exception>
    public async Task<ContainerLease> LeaseAsync(string image, string sweepId, InstallFolders folders, CancellationToken cancellation, bool offline = false)
    {
        folders = Effective(folders);
        using var span = SweLancerTelemetry.Source.StartActivity("container.lease");
        try
        {
            await EnsureImageAsync(image, cancellation);
            while (true)
            {
                if (_warm.TryGetValue((image, sweepId, folders, offline), out var queue) && queue.TryDequeue(out var warm))
                {
                    if (await IsRunningAsync(warm, cancellation))
                    {
                        span?.SetTag("swelancer.container.prewarmed", true);
                        return warm; // its slot passes to the lease
                    }
                    await warm.DisposeAsync();
                    continue;
                }
                if (await _slots.WaitAsync(0, cancellation) || await EvictOneWarmAsync(cancellation) || await _slots.WaitAsync(TimeSpan.FromMilliseconds(200), cancellation))
                    return await CreateHoldingSlotAsync(image, sweepId, folders, offline, cancellation);
            }
        }
        catch (Exception ex) when (span.RecordFailure(ex))
        {
            throw; // not reached: the filter records and declines
        }
    }

    /// <summary>
    /// Creates and starts a container from <paramref name="spec"/> outside the pool's slots, for a runner that bounds its
    /// containers itself (the SWE-Lancer protocol runner). It carries the node's labels, so it is reaped like the others.
    /// </summary>
    /// <exception cref="InfrastructureException">The image is missing, or the engine failed.</exception>
    public async Task<ContainerLease> CreateAsync(ContainerSpec spec, string sweepId, CancellationToken cancellation)
    {
        await EnsureImageAsync(spec.Image, cancellation);
        return await TrackStart(StartFromSpecAsync(spec, sweepId, DestroyUnpooledAsync, cancellation));
    }

    private async Task DestroyUnpooledAsync(ContainerLease lease)
    {
        try
        {
            await RemoveQuietlyAsync(lease.Id);
        }
        finally
        {
            _alive.TryRemove(lease.Id, out _);
        }
    }

    /// <summary>Starts up to <paramref name="count"/> containers for upcoming work, but only in slots that are free now.</summary>
    public void Prewarm(string image, string sweepId, int count = 1) => Prewarm(image, sweepId, InstallFolders.None, count);

    /// <summary>As <see cref="Prewarm(string, string, int)"/>, for attempts that install into <paramref name="folders"/>
    /// (and have no network when <paramref name="offline"/>).</summary>
    public void Prewarm(string image, string sweepId, InstallFolders folders, int count = 1, bool offline = false)
    {
        folders = Effective(folders);
        for (var i = 0; i < count && _slots.Wait(0); i++)
        {
            var warming = Task.Run(async () =>
            {
                Activity.Current = null; // pre-warming serves later attempts, not the trace of the one that asked
                try
                {
                    await EnsureImageAsync(image, CancellationToken.None);
                    var lease = await CreateHoldingSlotAsync(image, sweepId, folders, offline, CancellationToken.None);
                    _warm.GetOrAdd((image, sweepId, folders, offline), _ => new ConcurrentQueue<ContainerLease>()).Enqueue(lease);
                }
                catch (InfrastructureException)
                {
                    // Pre-warming is an optimisation; the lease that needs the container reports the problem.
                }
            });
            _warming[warming] = true;
            _ = warming.ContinueWith(t => _warming.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    /// <summary>The folders that make a container different: none with a writable root, which takes files anywhere.</summary>
    private InstallFolders Effective(InstallFolders folders) => _options.ReadOnlyRoot ? folders : InstallFolders.None;

    /// <summary>Starts a container in a slot already held; the pool waits for every start in flight before it closes.</summary>
    private Task<ContainerLease> CreateHoldingSlotAsync(string image, string sweepId, InstallFolders folders, bool offline, CancellationToken cancellation) =>
        TrackStart(StartHoldingSlotAsync(image, sweepId, folders, offline, cancellation));

    /// <summary>Counts a start in flight until it ends, so closing the pool waits for it.</summary>
    private Task<ContainerLease> TrackStart(Task<ContainerLease> start)
    {
        _starting[start] = true;
        _ = start.ContinueWith(done => _starting.TryRemove(done, out _), TaskScheduler.Default);
        return start;
    }

    private async Task<ContainerLease> StartHoldingSlotAsync(string image, string sweepId, InstallFolders folders, bool offline, CancellationToken cancellation)
    {
        try
        {
            var config = _images.Config(image);
            var command = (config.Entrypoint ?? []).Concat(config.Cmd ?? []).ToList();
            var spec = new ContainerSpec(image, _options.Limits, offline ? NoNetwork : _options.NetworkName, ContainerGate.Entrypoint, command, WorkingDir: config.WorkingDir,
                User: _options.User, Tmpfs: new Dictionary<string, string> { ["/tmp"] = _options.ScratchMountOptions },
                ReadOnlyRoot: _options.ReadOnlyRoot, Volumes: _options.ReadOnlyRoot ? folders.Paths : null);
            return await StartFromSpecAsync(spec, sweepId, DestroyAsync, cancellation);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>
    /// Creates and starts a container from <paramref name="spec"/>: on the grading network it must get an address; its
    /// disk is watched; a pool that began closing meanwhile gets no new container. A failed start leaves nothing behind.
    /// </summary>
    private async Task<ContainerLease> StartFromSpecAsync(ContainerSpec spec, string sweepId, Func<ContainerLease, Task> destroy, CancellationToken cancellation)
    {
        string? id = null;
        using var span = SweLancerTelemetry.Source.StartActivity("container.start");
        var started = Stopwatch.GetTimestamp();
        var node = new KeyValuePair<string, object?>(TelemetryTags.Node, _options.NodeId);
        try
        {
            ThrowIfClosing();
            var created = await _docker.Containers.CreateContainerAsync(ContainerSpecBuilder.Build(spec, _options.NodeId, sweepId), cancellation);
            id = created.ID;
            await _docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellation);
            var inspected = await _docker.Containers.InspectContainerAsync(id, cancellation);
            var ip = "";
            if (spec.NetworkMode == _options.NetworkName)
            {
                ip = inspected.NetworkSettings.Networks.TryGetValue(_options.NetworkName, out var network) ? network.IPAddress : "";
                if (string.IsNullOrEmpty(ip))
                    throw new InfrastructureException($"container {id[..12]} got no address on network {_options.NetworkName}", retryable: true);
            }
            var lease = new ContainerLease(_docker, id, spec.Image, ip, destroy)
            {
                ReadOnlyRoot = spec.ReadOnlyRoot,
                ImageId = string.IsNullOrEmpty(inspected.Image) ? null : inspected.Image,
            };
            lease.DiskWatch = DiskQuotaWatch.Start(_docker, lease, spec.Limits.DiskBytes);
            ThrowIfClosing(); // the pool began closing while this one started: it must not outlive the pool
            _alive[id] = lease;
            if (_reaper.Pending > 0)
                _ = _reaper.RemovePendingAsync(); // the engine answers again: remove what it could not while away
            GraderMetrics.ContainerStartDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, node);
            return lease;
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);
            GraderMetrics.ContainerStartDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, node, new(TelemetryTags.ErrorType, ex.GetType().Name));
            if (id is not null)
                await RemoveQuietlyAsync(id);
            if (ex is InfrastructureException || (ex is OperationCanceledException && cancellation.IsCancellationRequested))
                throw;
            if (ex is DockerImageNotFoundException)
            {
                _images.Forget(spec.Image);
                throw new InfrastructureException($"image {spec.Image} is no longer on the engine (deleted during the sweep?); it is looked up and pulled again", retryable: true, ex);
            }
            throw new InfrastructureException($"could not start a container of {spec.Image}: {Describe(ex)}", retryable: true, ex);
        }
    }

    private async Task DestroyAsync(ContainerLease lease)
    {
        try
        {
            await DestroyUnpooledAsync(lease);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<bool> EvictOneWarmAsync(CancellationToken cancellation)
    {
        foreach (var queue in _warm.Values)
        {
            if (queue.TryDequeue(out var other))
            {
                // Hand its slot straight to the caller instead of back to the semaphore.
                await RemoveQuietlyAsync(other.Id);
                _alive.TryRemove(other.Id, out _);
                return true;
            }
        }
        return false;
    }

    private async Task<bool> IsRunningAsync(ContainerLease lease, CancellationToken cancellation)
    {
        try
        {
            return (await lease.InspectAsync(cancellation)).State.Running;
        }
        catch (DockerApiException)
        {
            return false;
        }
    }

    internal static string Describe(Exception ex) => ex switch
    {
        DockerApiException api => $"{(int)api.StatusCode} {api.ResponseBody?.Trim()}",
        _ when ex.InnerException is not null && ex.Message.Length < 40 => $"{ex.Message} ({ex.InnerException.Message})",
        _ => ex.Message,
    };

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        // A container still being pre-warmed or started must be counted before the sweep below, or it would outlive the
        // pool: a grading that goes on after its node left (it no longer dies with its entity) may be starting one now.
        // Such a start sees the pool closing once it is created, and removes its container itself.
        await Task.WhenAll(_warming.Keys);
        await Task.WhenAll(_starting.Keys.Select(start => start.ContinueWith(_ => { }, TaskScheduler.Default)));
        ContainerSlotGauge.Untrack(this);
        foreach (var lease in _alive.Values.ToList())
            await lease.DisposeAsync();
        _warm.Clear();
        // An attempt the actor system abandoned mid-start (a handoff that timed out) may have created one since; the
        // node's label finds it.
        await RemoveOrphansAsync(CancellationToken.None);
        _docker.Dispose();
    }

    private void ThrowIfClosing()
    {
        if (_closing)
            throw new InfrastructureException("this grader node is shutting down; the attempt goes back to the sweep", retryable: true);
    }
}
