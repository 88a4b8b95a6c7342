using Akka.Actor;
using SweLancer.Coordinator.Ledger;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Starts a sweep's actor and its ledger projection, each under a backoff supervisor, named after the sweep.</summary>
public static class SweepActors
{
    public static IActorRef StartSweep(IActorRefFactory parent, SweepPlan plan, IActorRef graders, DispatchPolicy policy) =>
        parent.ActorOf(Supervision.WithBackoff(SweepActor.Props(plan, graders, policy), "sweep"), $"sweep-{Uri.EscapeDataString(plan.SweepId)}");

    public static IActorRef StartLedger(IActorRefFactory parent, string sweepId) =>
        parent.ActorOf(Supervision.WithBackoff(LedgerProjection.Props(sweepId), "ledger"), $"ledger-{Uri.EscapeDataString(sweepId)}");
}
