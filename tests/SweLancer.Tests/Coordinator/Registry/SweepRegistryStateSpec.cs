using SweLancer.Coordinator.Registry;
using SweLancer.Messages.Sweeps;
using Xunit;

namespace SweLancer.Tests.Coordinator.Registry;

public sealed class SweepRegistryStateSpec
{
    private static SweepSubmitted Submitted(string id) => new(id, "/t.json", "/s.jsonl", 64, 600, 3, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Keeps_sweeps_in_submission_order_and_knows_which_were_cancelled()
    {
        var state = SweepRegistryState.Empty.Apply(Submitted("a")).Apply(Submitted("b")).Apply(Submitted("c"))
            .Apply(new SweepCancelled("b", DateTimeOffset.UnixEpoch));

        Assert.Equal(["a", "b", "c"], state.Sweeps.Select(s => s.SweepId));
        Assert.Equal([false, true, false], state.Sweeps.Select(s => state.IsCancelled(s.SweepId)));
    }

    [Fact]
    public void A_duplicate_id_is_refused_and_replaying_it_changes_nothing()
    {
        var state = SweepRegistryState.Empty.Apply(Submitted("a"));

        Assert.Contains("exists already", state.SubmitProblem("a"));
        Assert.Null(state.SubmitProblem("b"));
        Assert.Same(state, state.Apply(Submitted("a")));
    }

    [Fact]
    public void Cancelling_needs_a_known_running_sweep()
    {
        var state = SweepRegistryState.Empty.Apply(Submitted("a"));

        Assert.Contains("no sweep named 'x'", state.CancelProblem("x"));
        Assert.Null(state.CancelProblem("a"));
        Assert.Contains("cancelled already", state.Apply(new SweepCancelled("a", DateTimeOffset.UnixEpoch)).CancelProblem("a"));
    }
}
