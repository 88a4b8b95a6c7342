using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using SweLancer.Domain.Import;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Sweeps;
using SweLancer.Coordinator.Supervision;

namespace SweLancer.Coordinator.Registry;

/// <summary>
/// The coordinator's list of sweeps. It persists each submission and cancellation, and after a restart starts every
/// sweep again from its inputs: each sweep and its ledger then recover from their own journals and carry on.
/// </summary>
public sealed class SweepRegistry : ReceivePersistentActor
{
    public const string RegistryPersistenceId = "sweep-registry";

    private readonly IActorRef _graders;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, RegisteredSweep> _sweeps = [];
    private SweepRegistryState _state = SweepRegistryState.Empty;

    public SweepRegistry(IActorRef graders)
    {
        _graders = graders;
        Recover<SweepSubmitted>(e => _state = _state.Apply(e));
        Recover<SweepCancelled>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ => StartRecovered());

        Command<SubmitSweep>(Submit);
        Command<CancelSweep>(Cancel);
        Command<ListSweeps>(_ => Sender.Tell(_state.Sweeps.Select(s => _sweeps[s.SweepId]).ToList()));
    }

    public override string PersistenceId => RegistryPersistenceId;

    public static Props Props(IActorRef graders) => Akka.Actor.Props.Create(() => new SweepRegistry(graders));

    private void StartRecovered()
    {
        foreach (var submitted in _state.Sweeps)
        {
            var cancelled = _state.IsCancelled(submitted.SweepId);
            try
            {
                var plan = SweepInputs.Load(submitted.SweepId, submitted.TasksPath, submitted.SubmissionsPath);
                _sweeps[submitted.SweepId] = Start(submitted, plan, cancelled);
            }
            catch (Exception ex) when (ex is InputFormatException or IOException or UnauthorizedAccessException)
            {
                _log.Error("Sweep {0} cannot be restarted: {1}", submitted.SweepId, ex.Message);
                _sweeps[submitted.SweepId] = new RegisteredSweep(submitted, cancelled, null, null, null,
                    $"its inputs can no longer be read: {ex.Message}");
            }
        }

        if (_state.Sweeps.Count > 0)
            _log.Info("Sweep registry: restarted {0} sweep(s)", _state.Sweeps.Count);
    }

    private void Submit(SubmitSweep submit)
    {
        if (_state.SubmitProblem(submit.Submitted.SweepId) is { } problem)
        {
            Sender.Tell(new SweepRefused(submit.Submitted.SweepId, problem));
            return;
        }

        var replyTo = Sender;
        Persist(submit.Submitted, submitted =>
        {
            _state = _state.Apply(submitted);
            _sweeps[submitted.SweepId] = Start(submitted, submit.Plan, cancelled: false);
            replyTo.Tell(new SweepAccepted(submitted.SweepId));
        });
    }

    private void Cancel(CancelSweep cancel)
    {
        if (_state.CancelProblem(cancel.SweepId) is { } problem)
        {
            Sender.Tell(new SweepRefused(cancel.SweepId, problem, NotFound: !_state.Contains(cancel.SweepId)));
            return;
        }

        var replyTo = Sender;
        Persist(new SweepCancelled(cancel.SweepId, DateTimeOffset.UtcNow), cancelled =>
        {
            _state = _state.Apply(cancelled);
            var running = _sweeps[cancelled.SweepId];
            if (running.Sweep is not null)
                Context.Stop(running.Sweep);
            _sweeps[cancelled.SweepId] = running with { Cancelled = true, Sweep = null };
            replyTo.Tell(new SweepAccepted(cancelled.SweepId));
        });
    }

    /// <summary>A cancelled sweep keeps only its ledger, so what it graded stays readable.</summary>
    private RegisteredSweep Start(SweepSubmitted submitted, SweepPlan plan, bool cancelled)
    {
        var policy = DispatchPolicy.Default with
        {
            MaxInFlight = submitted.MaxInFlight,
            AnswerTimeout = TimeSpan.FromSeconds(submitted.AnswerTimeoutSeconds),
            MaxSystemErrorRetries = submitted.SystemErrorRetries,
            Order = DispatchOrdering.Parse(submitted.DispatchOrder) ?? DispatchOrder.Plan,
        };
        var sweep = cancelled ? null : SweepStarter.StartSweep(Context, plan, _graders, policy);
        var ledger = SweepStarter.StartLedger(Context, submitted.SweepId);
        return new RegisteredSweep(submitted, cancelled, plan, sweep, ledger, null);
    }
}
