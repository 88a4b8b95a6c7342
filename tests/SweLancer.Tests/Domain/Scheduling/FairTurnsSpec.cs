using SweLancer.Domain.Scheduling;
using Xunit;

namespace SweLancer.Tests.Domain.Scheduling;

public sealed class FairTurnsSpec
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admits_up_to_its_capacity_at_once()
    {
        var turns = new FairTurns(2);
        using var a = await turns.EnterAsync("big", Ct);
        using var b = await turns.EnterAsync("big", Ct);
        var third = turns.EnterAsync("big", Ct);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, turns.Held);
        a.Dispose();
        (await third).Dispose();
    }

    [Fact]
    public async Task A_late_small_key_is_served_after_one_turn_of_the_big_key_not_after_its_whole_queue()
    {
        var turns = new FairTurns(1);
        var holder = await turns.EnterAsync("big", Ct);
        var big = Enumerable.Range(0, 5).Select(_ => turns.EnterAsync("big", Ct)).ToList();
        var small = Enumerable.Range(0, 2).Select(_ => turns.EnterAsync("small", Ct)).ToList();
        var order = new List<string>();

        holder.Dispose();
        for (var i = 0; i < 7; i++)
        {
            var next = await Task.WhenAny(big.Concat(small).Where(t => t.IsCompleted && !order.Contains(Name(t))));
            order.Add(Name(next));
            (await next).Dispose();
        }

        Assert.Equal(["big0", "small0", "big1", "small1", "big2", "big3", "big4"], order);

        string Name(Task<IDisposable> t) => big.Contains(t) ? $"big{big.IndexOf(t)}" : $"small{small.IndexOf(t)}";
    }

    [Fact]
    public async Task A_cancelled_waiter_is_skipped_and_its_turn_goes_to_the_next()
    {
        var turns = new FairTurns(1);
        var holder = await turns.EnterAsync("a", Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = turns.EnterAsync("a", cancel.Token);
        var next = turns.EnterAsync("b", Ct);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        holder.Dispose();

        using var turn = await next.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(1, turns.Held);
    }

    [Fact]
    public async Task Giving_a_turn_back_twice_frees_only_one_place()
    {
        var turns = new FairTurns(1);
        var turn = await turns.EnterAsync("a", Ct);
        turn.Dispose();
        turn.Dispose();
        using var again = await turns.EnterAsync("a", Ct);
        Assert.False(turns.EnterAsync("a", Ct).IsCompleted);
    }
}
