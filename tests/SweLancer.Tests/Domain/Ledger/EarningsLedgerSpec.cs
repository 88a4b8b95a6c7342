using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
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
}
