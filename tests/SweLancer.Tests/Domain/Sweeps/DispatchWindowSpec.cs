using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Submissions;
using Xunit;

namespace SweLancer.Tests.Domain.Sweeps;

public sealed class DispatchWindowSpec
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    private static readonly DispatchPolicy Policy = new(
        MaxInFlight: 2, AnswerTimeout: TimeSpan.FromSeconds(10), MaxSystemErrorRetries: 2,
        FirstRetryDelay: TimeSpan.FromSeconds(1), MaxRetryDelay: TimeSpan.FromSeconds(3));

    private static DispatchWindow WindowWith(params string[] ids)
    {
        var window = new DispatchWindow(Policy);
        foreach (var id in ids)
            window.Enqueue(new ResultKey(id, 1));
        return window;
    }

    [Fact]
    public void Never_sends_more_than_the_window()
    {
        var window = WindowWith("a", "b", "c");

        var sent = window.TakeDispatchable(T0);

        Assert.Equal(["a", "b"], sent.Select(s => s.Key.QuestionId));
        Assert.Empty(window.TakeDispatchable(T0));
        Assert.Equal(2, window.InFlight);
    }

    [Fact]
    public void A_lost_node_resends_every_in_flight_attempt_at_once_with_a_new_deadline_but_not_the_answered_ones()
    {
        var window = WindowWith("a", "b", "c");
        window.TakeDispatchable(T0);
        window.Complete(new ResultKey("a", 1));
        window.TakeDispatchable(T0);

        var resent = window.TakeAllInFlight(T0.AddSeconds(3));

        Assert.Equal([("b", 2), ("c", 2)], resent.Select(s => (s.Key.QuestionId, s.Delivery)).OrderBy(s => s.QuestionId));
        Assert.Empty(window.TakeOverdue(T0.AddSeconds(12)));
        Assert.Equal(2, window.TakeOverdue(T0.AddSeconds(13)).Count);
    }

    // A crash loses what was graded but not yet written: the window bounds it only if an answer keeps its place until
    // its result is in the journal.
    [Fact]
    public void An_answered_attempt_holds_its_slot_until_its_result_is_written_and_is_never_resent()
    {
        var window = WindowWith("a", "b", "c");
        window.TakeDispatchable(T0);

        window.Answered(new ResultKey("a", 1));

        Assert.Empty(window.TakeDispatchable(T0));
        Assert.Equal((1, 1), (window.InFlight, window.Unsaved));
        Assert.Equal(["b"], window.TakeAllInFlight(T0.AddSeconds(3)).Select(s => s.Key.QuestionId));
        Assert.DoesNotContain(window.TakeOverdue(T0.AddMinutes(10)), s => s.Key.QuestionId == "a");

        window.Complete(new ResultKey("a", 1));

        Assert.Equal("c", Assert.Single(window.TakeDispatchable(T0)).Key.QuestionId);
        Assert.Equal(0, window.Unsaved);
    }

    [Fact]
    public void A_completed_attempt_frees_its_slot_in_order()
    {
        var window = WindowWith("a", "b", "c");
        window.TakeDispatchable(T0);

        window.Complete(new ResultKey("a", 1));

        Assert.Equal("c", Assert.Single(window.TakeDispatchable(T0)).Key.QuestionId);
    }

    [Fact]
    public void Unanswered_attempts_are_redelivered_after_the_timeout_with_a_higher_delivery_number()
    {
        var window = WindowWith("a");
        window.TakeDispatchable(T0);

        Assert.Empty(window.TakeOverdue(T0.AddSeconds(9)));
        var again = Assert.Single(window.TakeOverdue(T0.AddSeconds(10)));

        Assert.Equal(2, again.Delivery);
        Assert.Empty(window.TakeOverdue(T0.AddSeconds(11)));
    }

    [Fact]
    public void Enqueueing_a_key_twice_sends_it_once()
    {
        var window = WindowWith("a", "a");

        Assert.Single(window.TakeDispatchable(T0));
        Assert.Equal(0, window.Pending);
    }

    [Fact]
    public void System_errors_are_retried_with_doubling_backoff_until_the_limit()
    {
        var key = new ResultKey("a", 1);
        var window = WindowWith("a");
        window.TakeDispatchable(T0);

        Assert.True(window.TryScheduleRetry(key, T0));
        Assert.Empty(window.TakeDispatchable(T0.AddMilliseconds(999)));
        Assert.Equal(2, Assert.Single(window.TakeDispatchable(T0.AddSeconds(1))).Delivery);

        Assert.True(window.TryScheduleRetry(key, T0.AddSeconds(2)));
        Assert.Empty(window.TakeDispatchable(T0.AddSeconds(3.9)));
        Assert.Single(window.TakeDispatchable(T0.AddSeconds(4)));

        Assert.False(window.TryScheduleRetry(key, T0.AddSeconds(5)));
    }

    [Fact]
    public void A_completed_attempt_leaves_no_counts_behind_so_a_long_sweep_does_not_grow_the_window()
    {
        var window = WindowWith("a", "b", "c");
        var retried = new ResultKey("a", 1);
        window.TakeDispatchable(T0);
        Assert.True(window.TryScheduleRetry(retried, T0));
        window.TakeDispatchable(T0.AddSeconds(1));

        var sentAndOpen = window.Tracked;
        foreach (var id in new[] { "a", "b", "c" })
        {
            var key = new ResultKey(id, 1);
            window.Answered(key);
            window.Complete(key);
            window.TakeDispatchable(T0.AddSeconds(2));
        }

        Assert.Equal(2, sentAndOpen); // a (retried) and b are out; c waits for a slot
        Assert.Equal(0, window.Tracked);
        Assert.Equal(0, window.InFlight + window.Unsaved + window.Pending);
    }

    [Fact]
    public void Backoff_is_capped()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), Policy.RetryBackoff(10));
    }
}
