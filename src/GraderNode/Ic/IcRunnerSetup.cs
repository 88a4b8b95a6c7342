using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Protocol;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// Builds a node's ic_swe runner: the real one when the Docker engine answers, otherwise one that reports why every IC
/// attempt is a system error. Disposing it removes the node's containers and closes its browser.
/// </summary>
public sealed class IcRunnerSetup : IAsyncDisposable
{
    private readonly ContainerPool? _pool;
    private readonly BrowserPool? _browsers;

    private IcRunnerSetup(ITaskRunner runner, ContainerPool? pool, BrowserPool? browsers, string? problem)
    {
        Runner = runner;
        _pool = pool;
        _browsers = browsers;
        Problem = problem;
    }

    public ITaskRunner Runner { get; }

    /// <summary>Why IC tasks cannot be graded on this node, or null when they can.</summary>
    public string? Problem { get; }

    public static async Task<IcRunnerSetup> StartAsync(string nodeId, int? containerSlots, string artefactsDir, ProtocolSettings? protocol = null,
        TestRunSettings? runs = null, string? containerUser = null, CancellationToken cancellation = default)
    {
        var endpoint = DockerEndpoint.FromEnvironment();
        try
        {
            var pool = await ContainerPool.StartAsync(endpoint, ContainerPoolOptions.For(nodeId, containerSlots, containerUser), cancellation);
            if (ContainerUser.IsRoot(pool.Options.User))
                Console.Error.WriteLine("warning: --container-user runs the app and its tests as root: the model's code can rewrite the hidden tests and the image's tools while they run");
            var browsers = new BrowserPool([pool.GradingSubnet]);
            if (pool.IsolationProblem is { } isolation)
                Console.Error.WriteLine($"warning: {isolation}");
            var protocolRunner = new ProtocolRunner(pool, protocol ?? ProtocolSettings.Default, artefactsDir, runs);
            return new IcRunnerSetup(new IcTaskRunner(pool, browsers, artefactsDir, protocol: protocolRunner, runs: runs), pool, browsers, null);
        }
        catch (InfrastructureException ex)
        {
            return new IcRunnerSetup(new DockerUnavailableRunner(ex.Message), null, null, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browsers is not null)
            await _browsers.DisposeAsync();
        if (_pool is not null)
            await _pool.DisposeAsync();
    }
}
