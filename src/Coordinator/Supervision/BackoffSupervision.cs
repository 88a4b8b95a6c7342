using Akka.Actor;
using Akka.Pattern;

namespace SweLancer.Coordinator.Supervision;

/// <summary>Sweeps and ledgers run under a backoff supervisor, so a journal outage only restarts them from the journal.</summary>
public static class BackoffSupervision
{
    public static Props WithBackoff(Props child, string name) =>
        // At most 5 s between attempts: a database back from an outage is used within seconds, at the cost of one
        // cheap connection attempt per actor every 5 s while it is away.
        BackoffSupervisor.Props(Backoff.OnStop(child, name, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0.2, maxNrOfRetries: -1));
}
