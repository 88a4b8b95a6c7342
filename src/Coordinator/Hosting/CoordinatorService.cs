using Akka.Actor;
using SweLancer.Coordinator.Api;
using SweLancer.Coordinator.Embedded;
using SweLancer.Coordinator.Registry;
using SweLancer.Hosting.Nodes;
using SweLancer.Hosting.Telemetry;
using SweLancer.Coordinator.Supervision;

namespace SweLancer.Coordinator.Hosting;

/// <summary>
/// The coordinator role as its own process: the sweep registry (which restarts unfinished sweeps from the journal),
/// each sweep's actor and ledger projection, and the HTTP API. Grading happens on the grader nodes, and here too when the
/// process also has the grader role.
/// </summary>
public static class CoordinatorService
{
    public static async Task<int> RunAsync(CoordinatorSettings settings, CancellationToken stop)
    {
        Directory.CreateDirectory(settings.Api.DataDir);
        await DatabaseProbe.WaitAsync(settings.Db, TimeSpan.FromSeconds(60), stop);
        using var telemetry = TelemetrySdk.Start($"coordinator-{settings.Node.PublicHost}-{settings.Node.Port}", settings.MetricsPort);
        if (telemetry.PrometheusUrl is { } metrics)
            Console.WriteLine($"coordinator: metrics at {metrics}");
        // With the grader role too, its containers are prepared (and a predecessor's orphans reaped) before joining.
        await using var grader = await EmbeddedGrader.PrepareAsync(settings.Grading, stop);
        if (grader.Problem is { } problem)
            Console.WriteLine($"warning: ic_swe tasks cannot be graded on this node: {problem}");
        var system = await CoordinatorActorSystem.StartAsync(settings.Node, settings.Roles.Names, settings.Db, settings.LogPath,
            settings.JoinTimeout, cancellation: stop);
        var graders = grader.Start(system);
        var registry = system.ActorOf(BackoffSupervision.WithBackoff(SweepRegistry.Props(graders), "registry"), "sweeps");

        var api = CoordinatorApi.Build(settings.Api, new SweepQueries(registry), system);
        try
        {
            await api.StartAsync(stop);
        }
        catch (IOException ex)
        {
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
            throw new IOException($"the API cannot listen on {string.Join(", ", settings.Api.Urls)}: {ex.Message}", ex);
        }

        await using var health = await HealthEndpoint.StartAsync(system, c => DatabaseHealth.CheckAsync(settings.Db, c), stop);
        Console.WriteLine($"coordinator is up at {Akka.Cluster.Cluster.Get(system).SelfAddress}; API at {string.Join(", ", settings.Api.Urls)}; journal in {settings.Db.Description}");

        var stopped = Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        await Task.WhenAny(stopped, system.WhenTerminated);
        Console.WriteLine("coordinator: stopping");
        await api.StopAsync(CancellationToken.None);
        await api.DisposeAsync();
        await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await system.WhenTerminated;
        return 0;
    }
}
