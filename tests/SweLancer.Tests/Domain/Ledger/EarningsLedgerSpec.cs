using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Ledger;

public sealed class EarningsLedgerSpec
{
    [Fact]
    public void Folding_the_same_result_twice_counts_it_once()
    {
        var ledger = new EarningsLedger("s1");

        Assert.True(ledger.Apply(Graded("q1", GradeOutcome.Passed, 500m)));
        Assert.False(ledger.Apply(Graded("q1", GradeOutcome.Passed, 500m)));

        Assert.Equal(1, ledger.Count);
        Assert.Equal(500m, ledger.Entries.Sum(e => e.EarnedUsd));
    }

    [Fact]
    public void The_first_result_for_a_key_wins()
    {
        var ledger = new EarningsLedger("s1");
        ledger.Apply(Graded("q1", GradeOutcome.Failed, 500m));
        ledger.Apply(Graded("q1", GradeOutcome.Passed, 500m));

        Assert.Equal(GradeOutcome.Failed, Assert.Single(ledger.Entries).Outcome);
    }

    [Fact]
    public void Attempts_are_separate_keys()
    {
        var ledger = new EarningsLedger("s1");
        ledger.Apply(Graded("q1", GradeOutcome.Failed, 500m, attempt: 1));
        ledger.Apply(Graded("q1", GradeOutcome.Passed, 500m, attempt: 2));

        Assert.Equal(2, ledger.Count);
    }

    [Fact]
    public void Results_of_another_sweep_are_not_folded()
    {
        var ledger = new EarningsLedger("s1");

        Assert.False(ledger.Apply(Graded("q1", GradeOutcome.Passed, 500m, sweep: "s2")));
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public void A_replayed_stream_gives_the_same_ledger()
    {
        var events = Enumerable.Range(1, 50).Select(i => Graded($"q{i}", i % 3 == 0 ? GradeOutcome.Passed : GradeOutcome.Failed, i * 10m)).ToList();
        var once = EarningsLedger.FromEntries("s1", events);
        var replayed = EarningsLedger.FromEntries("s1", events.Concat(events.Skip(20)).Concat(events.Take(5)));

        Assert.Equal(once.Count, replayed.Count);
        Assert.Equal(once.Entries.Sum(e => e.EarnedUsd), replayed.Entries.Sum(e => e.EarnedUsd));
    }

    private static ResultKey[] Keys(int count) => [.. Enumerable.Range(0, count).Select(i => new ResultKey($"q{i}", 1 + i % 2))];

    private static TaskGraded Full(ResultKey key, int i) => new("s1", key.QuestionId, key.Attempt, i % 2 == 0 ? "ic_swe" : "swe_manager",
        100m + i, (GradeOutcome)(i % 3), i % 3 == 0 ? 100m + i : 0m, $"reason {i % 4}", i % 5 == 0, $"node-{i % 2}",
        DateTimeOffset.UnixEpoch.AddSeconds(i), new DateTimeOffset(2026, 12, 5, 6, 0, 0, TimeSpan.FromHours(5.5)).AddTicks(i),
        i % 3 == 0 ? [$"runs/{i}/trace.zip"] : [], i % 2 == 0 ? $"00-{i:x32}-{i:x16}-01" : null,
        i % 4 == 0 ? [new TestRunRecord(1, GradeOutcome.Failed)] : null, i % 3 == 1 ? new AttemptCost(i, i / 2.0) : null);

    [Fact]
    public void Planned_results_read_back_equal_and_in_the_order_they_were_folded()
    {
        var planned = Keys(200);
        var ledger = new EarningsLedger("s1");
        ledger.Reserve(planned);
        // Shuffled, with a result outside the plan among them.
        var order = planned.Select((key, i) => Full(key, i)).OrderBy(r => r.QuestionId.GetHashCode()).ToList();
        order.Insert(37, Full(new ResultKey("unplanned", 1), 999));

        foreach (var result in order)
            Assert.True(ledger.Apply(result));

        Assert.Equal(order, ledger.Entries);
        Assert.Equal(order.Skip(150), ledger.Since(150));
        Assert.Equal(order[37], ledger.At(37));
        Assert.Equal(0, ledger.Unfolded);
    }

    [Fact]
    public void A_planned_result_is_folded_once_and_the_first_one_wins()
    {
        var ledger = new EarningsLedger("s1");
        ledger.Reserve(Keys(3));

        Assert.True(ledger.Apply(Graded("q1", GradeOutcome.Failed, 500m, attempt: 2)));
        Assert.False(ledger.Apply(Graded("q1", GradeOutcome.Passed, 500m, attempt: 2)));
        Assert.False(ledger.Apply(Graded("q2", GradeOutcome.Passed, 500m, sweep: "s2")));

        Assert.Equal(GradeOutcome.Failed, Assert.Single(ledger.Entries).Outcome);
        Assert.Equal(2, ledger.Unfolded);
    }

    [Fact]
    public void Results_folded_before_the_plan_keep_their_place_and_are_not_folded_again()
    {
        var planned = Keys(4);
        var early = Graded(planned[2].QuestionId, GradeOutcome.Passed, 300m, attempt: planned[2].Attempt);
        var ledger = EarningsLedger.FromEntries("s1", [early]);

        ledger.Reserve([.. planned, planned[0]]); // a key given twice gets one slot
        Assert.Equal(3, ledger.Unfolded);
        Assert.False(ledger.Apply(early with { Outcome = GradeOutcome.Failed }));
        var later = planned.Where(k => k != planned[2]).Select((key, i) => Full(key, i)).ToList();
        foreach (var result in later)
            Assert.True(ledger.Apply(result));

        Assert.Equal([early, .. later], ledger.Entries);
        Assert.Equal(0, ledger.Unfolded);
    }

    [Fact]
    public void The_plan_is_taken_once_and_a_ledger_without_one_does_not_know_what_is_left()
    {
        var ledger = new EarningsLedger("s1");
        Assert.Null(ledger.Unfolded);

        ledger.Reserve(Keys(2));
        ledger.Reserve(Keys(5));

        Assert.Equal(2, ledger.Unfolded);
        Assert.True(ledger.Apply(Graded("q4", GradeOutcome.Passed, 1m, attempt: 1))); // outside the plan taken: kept whole
        Assert.Equal(2, ledger.Unfolded);
    }

    [Fact]
    public void Folding_planned_results_keeps_no_memory_per_result()
    {
        const int count = 20_000;
        var planned = Keys(count);
        var results = planned.Select((key, i) => Graded(key.QuestionId, GradeOutcome.Passed, 10m, attempt: key.Attempt)).ToList();
        var ledger = new EarningsLedger("s1");
        ledger.Reserve(planned);
        ledger.Apply(results[0]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < count; i++)
            ledger.Apply(results[i]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Kept whole in a dictionary and a list (the ledger with no plan), the same results took 3.3 MB here.
        Assert.True(allocated < 1024, $"folding {count - 1} planned results allocated {allocated} bytes");
        Assert.Equal(count, ledger.Count);
    }
}
