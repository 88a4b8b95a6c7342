using Akka.Actor;
using Akka.Pattern;

namespace SweLancer.Coordinator.Hosting;

/// <summary>Sweeps and ledgers run under a backoff supervisor, so a journal outage only restarts them from the journal.</summary>
public static class Supervision
{
    public static Props WithBackoff(Props child, string name) =>
        BackoffSupervisor.Props(Backoff.OnStop(child, name, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), 0.2, maxNrOfRetries: -1));
}
