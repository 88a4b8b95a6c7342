using Akka.Actor;
using SweLancer.Coordinator.Ledger;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Supervision;

/// <summary>Starts a sweep's actor and its ledger projection, each under a backoff supervisor, named after the sweep.</summary>
public static class SweepStarter
{
    public static IActorRef StartSweep(IActorRefFactory parent, SweepPlan plan, IActorRef graders, DispatchPolicy policy) =>
        parent.ActorOf(BackoffSupervision.WithBackoff(SweepActor.Props(plan, graders, policy), "sweep"), $"sweep-{Uri.EscapeDataString(plan.SweepId)}");

    public static IActorRef StartLedger(IActorRefFactory parent, string sweepId) =>
        parent.ActorOf(BackoffSupervision.WithBackoff(LedgerProjection.Props(sweepId), "ledger"), $"ledger-{Uri.EscapeDataString(sweepId)}");
}
