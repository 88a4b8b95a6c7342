using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using SweLancer.Coordinator.Sweeps;
using SweLancer.Coordinator.Telemetry;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Ledger;

/// <summary>
/// Reads one sweep's persisted results (the sweep actor's events, by persistence id) and folds them into its
/// <see cref="EarningsLedger"/>. It keeps no events of its own: a snapshot stores the ledger with the sequence number it
/// reached, and after a restart the stream resumes there. Events read twice fold to nothing, because the ledger is keyed.
/// The sweep's plan (its first event) gives the ledger a slot per planned result, so its memory does not grow with the
/// results; a projection resuming from a snapshot of an unfinished ledger reads that one event again first.
/// </summary>
public sealed class LedgerProjection : ReceivePersistentActor, IWithTimers
{
    private readonly string _sweepId;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private EarningsLedger _ledger;
    private FoldedResults _folded;
    private long _offset;
    private int _foldedSinceSnapshot;
    private UniqueKillSwitch? _stream;
    private bool _snapshotting;
    private long _snapshotOffset;
    private long _writingOffset;
    private readonly List<IActorRef> _awaitingSnapshot = [];
    // Names the order of _folded for GetLedgerSince: a restarted projection folds its results in another order.
    private readonly Guid _incarnation = Guid.NewGuid();

    public LedgerProjection(string sweepId)
    {
        _sweepId = sweepId;
        _ledger = new EarningsLedger(sweepId);
        _folded = new FoldedResults(_ledger);

        Recover<SnapshotOffer>(offer =>
        {
            switch (offer.Snapshot)
            {
                case LedgerRowsSnapshot rows:
                    _ledger = EarningsLedger.FromEntries(sweepId, rows.Entries);
                    _offset = rows.SequenceNr;
                    // Complete when it was taken: nothing planned is left to keep a slot for, and the plan need not be read.
                    if (rows.Unfolded == 0)
                        _ledger.Reserve([]);
                    break;
                case LedgerSnapshot snapshot:
                    _ledger = EarningsLedger.FromEntries(sweepId, snapshot.Entries);
                    // An older snapshot's offset counted tag positions, not this sweep's sequence numbers: read from the start.
                    _offset = snapshot.SequenceNr ?? 0;
                    break;
            }

            _snapshotOffset = _offset;
        });
        Recover<RecoveryCompleted>(_ =>
        {
            _folded = new FoldedResults(_ledger);
            CoordinatorMetrics.For(sweepId).Ledger = _folded;
            StartReading();
        });

        Command<StreamStarted>(_ => Sender.Tell(StreamAck.Instance));
        Command<EnvelopeBatch>(FoldBatch);
        Command<StreamEnded>(_ => _log.Warning("Ledger {0}: the tag stream ended", _sweepId));
        Command<StreamFailed>(failed => throw new InvalidOperationException($"Ledger {_sweepId}: reading results failed; restarting from offset {_offset}", failed.Cause));
        Command<SnapshotTick>(_ => SnapshotIfBehind());
        Command<GetLedger>(_ => Sender.Tell(new LedgerView(_sweepId, _offset, _ledger.Entries.ToList())));
        Command<GetLedgerSince>(ask =>
        {
            var start = ask.Incarnation == _incarnation ? Math.Clamp(ask.Start, 0, _folded.Count) : 0;
            Sender.Tell(new LedgerTail(_sweepId, _offset, _incarnation, start, _folded.Since(start)));
        });
        Command<GetLedgerCount>(_ => Sender.Tell(_ledger.Count));
        Command<SnapshotLedger>(_ => SnapshotOnRequest());
        Command<SaveSnapshotSuccess>(s =>
        {
            DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr, s.Metadata.Timestamp.AddTicks(-1)));
            SnapshotDone(saved: true);
        });
        Command<SaveSnapshotFailure>(f =>
        {
            _log.Warning(f.Cause, "Ledger {0}: snapshot failed; a restart will re-read more events", _sweepId);
            SnapshotDone(saved: false);
        });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public override string PersistenceId => $"ledger-{_sweepId}";

    public static Props Props(string sweepId) => Akka.Actor.Props.Create(() => new LedgerProjection(sweepId));

    protected override void PostStop()
    {
        _stream?.Shutdown();
        base.PostStop();
    }

    private void StartReading()
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var persistenceId = SweepActor.PersistenceIdOf(_sweepId);
        var results = journal.EventsByPersistenceId(persistenceId, _offset + 1, long.MaxValue);
        // The plan is the sweep's first event; a snapshot past it that still lacked results needs it again for its slots.
        var events = _offset > 0 && _ledger.Unfolded is null
            ? journal.CurrentEventsByPersistenceId(persistenceId, 1, 1).Concat(results)
            : results;
        // In batches: one acknowledged message per event is a round trip per result.
        _stream = events
            .GroupedWithin(FoldBatchSize, FoldBatchWindow)
            .Select(envelopes => new EnvelopeBatch([.. envelopes]))
            .ViaMaterialized(KillSwitches.Single<EnvelopeBatch>(), Keep.Right)
            .ToMaterialized(
                Sink.ActorRefWithAck<EnvelopeBatch>(Self, StreamStarted.Instance, StreamAck.Instance, StreamEnded.Instance,
                    ex => new StreamFailed(ex)),
                Keep.Left)
            .Run(Context.Materializer());
        Timers.StartPeriodicTimer(nameof(SnapshotTick), SnapshotTick.Instance, TimeSpan.FromSeconds(1));
    }

    private void FoldBatch(EnvelopeBatch batch)
    {
        foreach (var envelope in batch.Envelopes)
            Fold(envelope);
        Sender.Tell(StreamAck.Instance);
    }

    private void Fold(EventEnvelope envelope)
    {
        if (envelope.Event is TaskGraded graded)
        {
            var folded = _folded.Apply(graded);
            if (folded)
                _foldedSinceSnapshot++;
            LedgerSpans.Folded(graded, folded);
        }
        else if (envelope.Event is SweepPlanned planned)
        {
            _folded.Reserve(planned.Items.Select(item => new ResultKey(item.QuestionId, item.Attempt)));
        }
        _offset = Math.Max(_offset, envelope.SequenceNr);
    }

    private void SnapshotIfBehind()
    {
        _log.Debug("Ledger {0}: {1} results folded, offset {2}", _sweepId, _ledger.Count, _offset);
        // Snapshots hold the whole ledger; spacing them out with its size keeps the total written linear.
        if (_snapshotting || _foldedSinceSnapshot == 0 || _foldedSinceSnapshot < _ledger.Count / 4)
            return;
        Snapshot();
    }

    private void SnapshotOnRequest()
    {
        _awaitingSnapshot.Add(Sender);
        if (_snapshotting)
            return; // answered when the write under way ends (after one more if results came in meanwhile)
        // Events read again after a restart fold to nothing but still cost the next start a re-read: the offset decides.
        if (_offset == _snapshotOffset)
            SnapshotDone(saved: true);
        else
            Snapshot();
    }

    private void Snapshot()
    {
        _snapshotting = true;
        _foldedSinceSnapshot = 0;
        _writingOffset = _offset;
        SaveSnapshot(new LedgerRowsSnapshot(_sweepId, _offset, _folded.Prefix(_ledger.Count), _ledger.Unfolded));
    }

    private void SnapshotDone(bool saved)
    {
        _snapshotting = false;
        if (saved)
            _snapshotOffset = Math.Max(_snapshotOffset, _writingOffset);
        if (_awaitingSnapshot.Count == 0)
            return;
        if (saved && _offset > _snapshotOffset)
        {
            Snapshot();
            return;
        }

        foreach (var waiting in _awaitingSnapshot)
            waiting.Tell(new LedgerSnapshotted(saved));
        _awaitingSnapshot.Clear();
    }

    private const int FoldBatchSize = 1000;

    private static readonly TimeSpan FoldBatchWindow = TimeSpan.FromMilliseconds(20);

    private sealed record EnvelopeBatch(IReadOnlyList<EventEnvelope> Envelopes);

    private sealed class StreamStarted
    {
        public static readonly StreamStarted Instance = new();
    }

    private sealed class StreamAck
    {
        public static readonly StreamAck Instance = new();
    }

    private sealed class StreamEnded
    {
        public static readonly StreamEnded Instance = new();
    }

    private sealed record StreamFailed(Exception Cause);

    private sealed class SnapshotTick
    {
        public static readonly SnapshotTick Instance = new();
    }
}
