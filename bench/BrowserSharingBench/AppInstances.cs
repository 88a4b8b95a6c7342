using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Ic;
using SweLancer.GraderNode.Patching;

namespace SweLancer.Bench;

/// <summary>
/// One running app per job, made as the grader makes it and before the clock starts: a container from the node's
/// <see cref="ContainerPool"/> (internal grading network), the task's bug patch and gold patch applied on the host by
/// <see cref="PatchedWorkspace"/> and installed, the gate released so busybox httpd serves the app, and the app
/// answering HTTP. Both sides get a fresh set, so neither sees state the other left (expenses posted to the CGI API).
/// </summary>
public sealed class AppInstances : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly ContainerPool _pool;
    private readonly ContainerLease[] _leases;

    private AppInstances(ContainerPool pool, ContainerLease[] leases)
    {
        _pool = pool;
        _leases = leases;
    }

    public ContainerLease For(BrowserJob job) => _leases[job.Index];

    /// <summary>The pool's internal subnet: the only network the shared browser may reach (as on a node).</summary>
    public string GradingSubnet => _pool.GradingSubnet;

    public static async Task<AppInstances> StartAsync(IReadOnlyList<BrowserJob> jobs, string nodeId, string sweepId, CancellationToken cancellation)
    {
        // One slot per job: every app must be up before the measured part starts.
        var pool = await ContainerPool.StartAsync(DockerEndpoint.FromEnvironment(), ContainerPoolOptions.For(nodeId, jobs.Count), cancellation);
        var leases = new ContainerLease[jobs.Count];
        try
        {
            var patcher = new GnuPatch();
            // One patched workspace per task, installed into each of its jobs' containers (as the node does for reruns).
            foreach (var group in jobs.GroupBy(j => j.Task.QuestionId))
            {
                var first = group.First();
                var spec = first.Task.Ic!;
                var folders = PatchedWorkspace.InstallFoldersOf(spec);
                leases[first.Index] = await pool.LeaseAsync(spec.Image!, sweepId, folders, cancellation);
                var verdict = PatchPolicy.Check(spec.GoldPatch!, spec);
                if (!verdict.Allowed)
                    throw new InvalidOperationException($"{first.Task.QuestionId}: the gold patch is refused: {verdict.Reason}");
                using var workspace = await PatchedWorkspace.PrepareAsync(leases[first.Index], spec, verdict, patcher, cancellation);
                await Parallel.ForEachAsync(group, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellation }, async (job, ct) =>
                {
                    leases[job.Index] ??= await pool.LeaseAsync(spec.Image!, sweepId, folders, ct);
                    await workspace.InstallAsync(leases[job.Index], ct);
                    await leases[job.Index].ReleaseGateAsync(ct);
                    await WaitForAppAsync(new Uri($"http://{leases[job.Index].IpAddress}:{spec.ServePort}/"), ct);
                });
            }
            return new AppInstances(pool, leases);
        }
        catch
        {
            await DisposeAllAsync(pool, leases);
            throw;
        }
    }

    /// <summary>Until the app answers HTTP (any status), at most 30 s.</summary>
    public static async Task WaitForAppAsync(Uri app, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(app, cancellation);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellation);
            }
        }
    }

    public ValueTask DisposeAsync() => DisposeAllAsync(_pool, _leases);

    private static async ValueTask DisposeAllAsync(ContainerPool pool, ContainerLease?[] leases)
    {
        await Parallel.ForEachAsync(leases.Where(l => l is not null), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (lease, _) => await lease!.DisposeAsync());
        await pool.DisposeAsync();
    }
}
