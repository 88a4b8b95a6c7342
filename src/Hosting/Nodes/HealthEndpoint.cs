using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SweLancer.Hosting.Nodes;

/// <summary>
/// The probe endpoint of a cluster node (Kubernetes' liveness and readiness probes), on the port in
/// SWELANCER_HEALTH_PORT (off when unset), on every address: <c>GET /livez</c> is 200 while the actor system answers an
/// Identify within 3 s; <c>GET /readyz</c> is 200 while this node is an Up cluster member and the persistence check
/// (the coordinator's journal database) passes. Otherwise 503 with the reason as text. No token: it tells nothing secret.
/// </summary>
public sealed class HealthEndpoint : IAsyncDisposable
{
    public const string PortVariable = "SWELANCER_HEALTH_PORT";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private readonly WebApplication _app;

    private HealthEndpoint(WebApplication app) => _app = app;

    /// <summary>A persistence check: null when reachable, else why not.</summary>
    public delegate Task<string?> PersistenceCheck(CancellationToken cancellation);

    /// <summary>Starts the endpoint when SWELANCER_HEALTH_PORT is set; null otherwise.</summary>
    public static async Task<HealthEndpoint?> StartAsync(ActorSystem system, PersistenceCheck? persistence, CancellationToken cancellation)
    {
        if (HealthVerdict.Port(Environment.GetEnvironmentVariable(PortVariable)) is not { } port)
            return null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
        var app = builder.Build();
        var cluster = Akka.Cluster.Cluster.Get(system);
        app.MapGet("/livez", async () =>
        {
            var terminated = system.WhenTerminated.IsCompleted;
            var answered = false;
            if (!terminated)
            {
                try
                {
                    await system.ActorSelection("/user").Ask<ActorIdentity>(new Identify("livez"), Patience);
                    answered = true;
                }
                catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
                {
                }
            }

            return Answer(HealthVerdict.Live(terminated, answered, Patience));
        });
        app.MapGet("/readyz", async (HttpContext context) =>
        {
            var terminated = system.WhenTerminated.IsCompleted;
            var self = terminated ? null : (Akka.Cluster.MemberStatus?)cluster.SelfMember.Status;
            string? persistenceProblem = null;
            if (persistence is not null && !terminated)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                timeout.CancelAfter(Patience);
                try
                {
                    persistenceProblem = await persistence(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    persistenceProblem = $"no answer within {Patience.TotalSeconds:0} s";
                }
            }

            return Answer(HealthVerdict.Ready(self, terminated, persistenceProblem));
        });
        await app.StartAsync(cancellation);
        Console.WriteLine($"probes at http://0.0.0.0:{port}/livez and /readyz");
        return new HealthEndpoint(app);
    }

    private static IResult Answer(string? problem) =>
        problem is null ? Results.Text("ok\n") : Results.Text(problem + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
