using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Persistence;
using SweLancer.Coordinator.Telemetry;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Telemetry;

namespace SweLancer.Coordinator.Sweeps;

/// <summary>
/// Owns one sweep: records its plan, feeds the grader region through a bounded window, and persists each result once.
/// All decisions live in <see cref="ResultDecision"/>, <see cref="SweepState"/> and <see cref="DispatchWindow"/>; this actor
/// persists and routes.
/// The plan's payloads come with the props, so a restart after a journal failure recovers and carries on alone.
/// </summary>
public sealed class SweepActor : ReceivePersistentActor, IWithTimers
{
    private readonly SweepPlan _plan;
    private readonly IActorRef _graders;
    private readonly int _snapshotEvery;
    private readonly DispatchPolicy _policy;
    private readonly DispatchWindow _window;
    private readonly Dictionary<ResultKey, SweepWorkItem> _work;
    private readonly HashSet<ResultKey> _persisting = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SweepTelemetry _telemetry;
    private SweepState _state = SweepState.Empty;
    private object? _status;
    private int _resultsSinceSnapshot;

    public SweepActor(SweepPlan plan, IActorRef graders, DispatchPolicy policy, int snapshotEvery)
    {
        _plan = plan;
        _graders = graders;
        _snapshotEvery = snapshotEvery;
        _policy = policy;
        _window = new DispatchWindow(policy);
        _work = plan.Items.ToDictionary(i => i.Key);
        _telemetry = new SweepTelemetry(plan);

        Recover<SnapshotOffer>(offer =>
        {
            _state = offer.Snapshot switch
            {
                SweepMarksSnapshot marks => SweepState.FromSnapshot(marks),
                SweepSnapshot withResults => SweepState.FromSnapshot(withResults),
                _ => _state,
            };
        });
        Recover<SweepPlanned>(e => _state = _state.Apply(e));
        Recover<TaskGraded>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ => Begin());

        Command<GetSweepStatus>(_ => Sender.Tell(_status));
        Command<GetSweepProgress>(_ => Sender.Tell(_state.Progress(PersistenceId, _window.InFlight)));
        Command<TaskGraded>(OnGraded);
        Command<DispatchTick>(_ => Redeliver());
        Command<ClusterEvent.MemberRemoved>(OnMemberRemoved);
        Command<ResendAfterNodeLoss>(_ => OnResendAfterNodeLoss());
        Command<ClusterEvent.CurrentClusterState>(_ => { });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Sweep {0}: snapshot failed; recovery will replay more events", SweepId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => _log.Warning(f.Cause, "Sweep {0}: old snapshots not deleted", SweepId));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        // A removed grader node never answers what it held; the sweep resends its share after a short settle time rather
        // than after the answer timeout.
        if (InCluster)
            Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
        base.PreStart();
    }

    protected override void PostStop()
    {
        if (InCluster)
            Cluster.Get(Context.System).Unsubscribe(Self);
        base.PostStop();
    }

    public override string PersistenceId => PersistenceIdOf(SweepId);

    private string SweepId => _plan.SweepId;

    // Unit specs run the sweep on a plain local ActorSystem, which has no cluster to watch.
    private bool InCluster => ((ExtendedActorSystem)Context.System).Provider is ClusterActorRefProvider;

    public static string PersistenceIdOf(string sweepId) => $"sweep-{sweepId}";

    public static Props Props(SweepPlan plan, IActorRef graders, DispatchPolicy policy, int snapshotEvery = 1000) =>
        Akka.Actor.Props.Create(() => new SweepActor(plan, graders, policy, snapshotEvery));

    private void Begin()
    {
        var offered = _plan.Planned();
        if (!_state.IsPlanned)
        {
            Persist(new SweepPlanned(SweepId, offered, DateTimeOffset.UtcNow), planned =>
            {
                _state = _state.Apply(planned);
                Run(resumed: false);
            });
            return;
        }

        var difference = PlanComparison.Difference(_state.Plan!.Items, offered);
        if (difference is not null)
        {
            _status = new SweepRejected(SweepId,
                $"sweep '{SweepId}' was started with different inputs: {difference}. Resume it with the original task and submission files, or start a new sweep with another --sweep-id.");
            return;
        }

        Run(resumed: true);
    }

    private void Run(bool resumed)
    {
        _status = new SweepStarted(SweepId, _state.Total, _state.Graded.Count, resumed);
        // A finished sweep has nothing to queue; arranging its whole plan only delayed its report.
        var toQueue = _state.IsFinished ? [] : DispatchOrdering.Arrange(_plan.Planned(), _policy.Order, SweepId);
        foreach (var item in toQueue)
        {
            var key = new ResultKey(item.QuestionId, item.Attempt);
            if (!_state.Graded.ContainsKey(key))
                _window.Enqueue(key);
        }

        Timers.StartPeriodicTimer(nameof(DispatchTick), DispatchTick.Instance, TimeSpan.FromSeconds(1));
        Dispatch(_window.TakeDispatchable(DateTimeOffset.UtcNow));
    }

    private void OnGraded(TaskGraded graded)
    {
        var key = graded.Key;
        var now = DateTimeOffset.UtcNow;
        switch (ResultDecision.For(SweepId, _state, graded, _persisting.Contains(key), _window.HasRetriesLeft(key)))
        {
            case ResultDecision.Ignore ignore:
                _log.Warning("Sweep {0}: ignored {1}", SweepId, ignore.Reason);
                return;
            case ResultDecision.Duplicate:
                return;
            case ResultDecision.Retry:
                _window.TryScheduleRetry(key, now);
                _log.Info("Sweep {0}: {1} hit a system error ({2}); retrying", SweepId, key, graded.Reason);
                _telemetry.RetryScheduled(graded);
                _telemetry.Observe(_window.InFlight, _window.Pending, _state.Graded.Count);
                return;
            case ResultDecision.Persist persist:
                PersistResult(persist.Event, now);
                return;
        }
    }

    private void PersistResult(TaskGraded graded, DateTimeOffset now)
    {
        var key = graded.Key;
        _persisting.Add(key);
        _window.Answered(key);
        var persist = _telemetry.StartPersist(graded);
        PersistAsync(graded with { TraceParent = TraceParent.Of(persist) ?? graded.TraceParent }, persisted =>
        {
            _persisting.Remove(key);
            _window.Complete(key);
            _state = _state.Apply(persisted);
            SweepTelemetry.Persisted(persist);
            _telemetry.Observe(_window.InFlight, _window.Pending, _state.Graded.Count);
            // A snapshot holds the whole plan and a mark per graded attempt, so take one per quarter of the sweep: a handful of
            // snapshots in all, and recovery replays at most a quarter of the results.
            if (++_resultsSinceSnapshot >= Math.Max(_snapshotEvery, _state.Total / 4) || _state.IsFinished)
            {
                _resultsSinceSnapshot = 0;
                SaveSnapshot(_state.ToSnapshot());
            }

            // Its place in the window is free only now that the result is written.
            Dispatch(_window.TakeDispatchable(DateTimeOffset.UtcNow));
        });
    }

    private void OnMemberRemoved(ClusterEvent.MemberRemoved removed)
    {
        if (!removed.Member.HasRole("grader") || _window.InFlight == 0)
            return;
        // Not at once: the region proxy learns of the loss a moment after this event, and until then it still routes
        // the dead node's shards to the dead node. Resent after the settle time, the attempts wait for new homes instead.
        _log.Warning("Sweep {0}: grader node {1} was removed; resending its share of the in-flight attempts in {2:0.#} s", SweepId,
            removed.Member.Address, _policy.NodeLossSettle.TotalSeconds);
        Timers.StartSingleTimer(nameof(ResendAfterNodeLoss), ResendAfterNodeLoss.Instance, _policy.NodeLossSettle);
    }

    private void OnResendAfterNodeLoss()
    {
        var resend = _window.TakeAllInFlight(DateTimeOffset.UtcNow);
        _log.Warning("Sweep {0}: resending {1} in-flight attempt(s) after a grader node was lost", SweepId, resend.Count);
        Dispatch(resend);
    }

    private void Redeliver()
    {
        var now = DateTimeOffset.UtcNow;
        var overdue = _window.TakeOverdue(now);
        if (overdue.Count > 0)
            _log.Warning("Sweep {0}: redelivering {1} unanswered attempt(s): {2}", SweepId, overdue.Count, Describe(overdue));
        _telemetry.Redelivered(overdue.Count);
        Dispatch(overdue);
        Dispatch(_window.TakeDispatchable(now));
    }

    private void Dispatch(IReadOnlyList<(ResultKey Key, int Delivery)> sends)
    {
        foreach (var (key, delivery) in sends)
        {
            var item = _work[key];
            _graders.Tell(new GradeTask(SweepId, item.Task, item.Attempt, item.Submission, delivery, _telemetry.Dispatched(item, delivery)));
        }
        _telemetry.Observe(_window.InFlight, _window.Pending, _state.Graded.Count);
    }

    // Names a few of the attempts, so an operator can look them up in the graders' logs.
    private static string Describe(IReadOnlyList<(ResultKey Key, int Delivery)> sends) =>
        string.Join(", ", sends.Take(10).Select(s => $"{s.Key.QuestionId}#{s.Key.Attempt} (delivery {s.Delivery})")) + (sends.Count > 10 ? ", ..." : "");

    private sealed class DispatchTick
    {
        public static readonly DispatchTick Instance = new();
    }

    private sealed class ResendAfterNodeLoss
    {
        public static readonly ResendAfterNodeLoss Instance = new();
    }
}
