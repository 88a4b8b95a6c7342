using Akka.Actor;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;
using SweLancer.Hosting.Nodes;
using SweLancer.Messages.Sharding;
using SweLancer.Coordinator.Supervision;
using SweLancer.Coordinator.Embedded;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Both roles in one process on one ActorSystem, the default a newcomer gets (`swelancer sweep`).</summary>
public sealed class EmbeddedNode : IAsyncDisposable
{
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    private readonly EmbeddedGrader _grader;
    private Task? _stopped;

    private EmbeddedNode(ActorSystem system, IActorRef graders, EmbeddedGrader grader)
    {
        System = system;
        Graders = graders;
        _grader = grader;
    }

    public ActorSystem System { get; }

    public IActorRef Graders { get; }

    /// <summary>Why ic_swe tasks cannot be graded here (no Docker engine, ...), or null.</summary>
    public string? GradingProblem => _grader.Problem;

    public static async Task<EmbeddedNode> StartAsync(DatabaseTarget db, EmbeddedGrading grading, string logPath, CancellationToken cancellation,
        string logLevel = "INFO")
    {
        var grader = await EmbeddedGrader.PrepareAsync(grading, cancellation);
        try
        {
            var system = await CoordinatorActorSystem.StartAsync(NodeSettings.Embedded, [CoordinatorActorSystem.Role, GradingShards.Role], db, logPath,
                JoinTimeout, logLevel);
            return new EmbeddedNode(system, grader.Start(system), grader);
        }
        catch
        {
            await grader.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a sweep and its ledger projection, each under a backoff supervisor so a journal outage only restarts them.</summary>
    public (IActorRef Sweep, IActorRef Ledger) StartSweep(SweepPlan plan, DispatchPolicy policy) =>
        (SweepStarter.StartSweep(System, plan, Graders, policy), SweepStarter.StartLedger(System, plan.SweepId));

    /// <summary>Leaves the cluster and stops the grader; a second call awaits the first.</summary>
    public ValueTask DisposeAsync() => new(_stopped ??= StopAsync());

    private async Task StopAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await _grader.DisposeAsync();
    }
}
