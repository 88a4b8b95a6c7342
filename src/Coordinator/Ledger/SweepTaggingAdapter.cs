using Akka.Persistence.Journal;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Messages.Events;

namespace SweLancer.Coordinator.Ledger;

/// <summary>Tags each persisted result with its sweep, so the ledger projection can read one sweep's results by tag.</summary>
public sealed class SweepTaggingAdapter : IWriteEventAdapter
{
    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => evt is TaskGraded graded
        ? new Tagged(graded, [SweepTag(graded.SweepId)])
        : evt;

    public static string SweepTag(string sweepId) => SweepActor.TaskGradedTagPrefix + sweepId;
}
