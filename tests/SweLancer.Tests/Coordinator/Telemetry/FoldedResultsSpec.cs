using SweLancer.Coordinator.Telemetry;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Telemetry;

/// <summary>The ledger as other threads read it while the projection folds: copies of what was folded, never more.</summary>
public sealed class FoldedResultsSpec
{
    private static List<TaskGraded> Results(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Graded($"q{i}", i % 2 == 0 ? GradeOutcome.Passed : GradeOutcome.Failed, 10m + i))];

    [Fact]
    public async Task A_prefix_stays_what_was_folded_when_it_was_taken_while_folding_goes_on_on_another_thread()
    {
        const int count = 20_000;
        var results = Results(count);
        var folded = new FoldedResults(new EarningsLedger("s1"));
        folded.Reserve(results.Take(count / 2).Select(r => r.Key)); // half in slots, half kept whole
        foreach (var result in results.Take(1000))
            folded.Apply(result);

        var prefix = folded.Prefix(folded.Count);
        var folding = Task.Run(() =>
        {
            foreach (var result in results.Skip(1000))
                folded.Apply(result);
        }, TestContext.Current.CancellationToken);
        var readWhileFolding = new List<List<TaskGraded>>();
        while (!folding.IsCompleted)
        {
            readWhileFolding.Add([.. prefix]);
            // As the snapshot's converter reads it: by count and index.
            readWhileFolding.Add([.. Enumerable.Range(0, prefix.Count).Select(i => prefix[i])]);
        }
        await folding;

        Assert.NotEmpty(readWhileFolding);
        Assert.All(readWhileFolding, read => Assert.Equal(results.Take(1000), read));
        Assert.Equal(results[999], prefix[999]);
        Assert.Throws<ArgumentOutOfRangeException>(() => prefix[1000]);
        Assert.Equal(count, folded.Count);
        Assert.Equal(results.Skip(19_990), folded.Since(19_990));
    }
}
