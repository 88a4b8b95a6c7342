using System.Text;
using System.Text.Json;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Sweeps;
using Xunit;

namespace SweLancer.Tests.Messages.Serialization;

/// <summary>Ledger snapshots as rows: every field of every result reads back as it was written, and a damaged one is refused.</summary>
public sealed class LedgerRowsSnapshotSpec
{
    private static LedgerRowsSnapshot RoundTrip(LedgerRowsSnapshot snapshot) => JsonRoundTrip.Of(snapshot);

    // Every field, with the lists compared by content (a record compares them by reference).
    private static object Fields(TaskGraded r) => (r.SweepId, r.QuestionId, r.Attempt, r.Variant, r.PriceUsd, r.Outcome, r.EarnedUsd, r.Reason,
        r.Retryable, r.GraderNode, (r.StartedAt, r.StartedAt.Offset), (r.FinishedAt, r.FinishedAt.Offset), string.Join("|", r.Artefacts), r.TraceParent,
        r.Runs is null ? "none" : string.Join(",", r.Runs.Select(x => $"{x.Run}:{x.Outcome}")), r.Cost);

    [Fact]
    public void Random_results_read_back_field_for_field()
    {
        var random = new Random(11);
        string Pick(params string[] values) => values[random.Next(values.Length)];
        var results = Enumerable.Range(0, 500).Select(i => new TaskGraded(
            Pick("s1", "sweep \"two\""),
            $"q{i}-{Pick("a", "é", "✓", "\\n")}",
            random.Next(1, 4),
            Pick("swe_manager", "ic_swe"),
            Pick("250", "1000.50", "0.01", "12345678.90") is var price ? decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture) : 0m,
            (GradeOutcome)random.Next(3),
            random.Next(2) == 0 ? 0m : 99.99m,
            Pick("selected proposal 2, merged was 1", "tests passed", "naïve \"quoted\"\ttab", ""),
            random.Next(2) == 0,
            Pick("akka.tcp://swelancer@10.0.0.7:4053", "node-b"),
            new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.FromMinutes(Pick("0", "330", "-480") is var o ? int.Parse(o) : 0)).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay)),
            new DateTimeOffset(2026, 12, 5, 1, 2, 3, TimeSpan.Zero).AddTicks(random.Next()),
            random.Next(3) == 0 ? ["runs/a/trace.zip", "runs/a/log ✓.txt"] : [],
            random.Next(2) == 0 ? null : "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            random.Next(3) switch { 0 => null, 1 => [], _ => [new TestRunRecord(1, GradeOutcome.Failed), new TestRunRecord(2, GradeOutcome.Passed)] },
            random.Next(3) switch { 0 => null, 1 => new AttemptCost(0, 0), _ => new AttemptCost(12.345678901234, 0.1) })).ToList();

        var read = RoundTrip(new LedgerRowsSnapshot("s1", 4242, results));

        Assert.Equal(("s1", 4242L), (read.SweepId, read.SequenceNr));
        Assert.Equal(results.Select(Fields), read.Entries.Select(Fields));
    }

    [Fact]
    public void Rows_are_a_quarter_of_the_named_form_or_less()
    {
        var results = Enumerable.Range(0, 1000).Select(i => new TaskGraded("s1", $"bench-{i:0000000}-manager", 1, "swe_manager", 500m,
            GradeOutcome.Failed, 0m, "selected proposal 2, merged was 1", false, "akka.tcp://swelancer@127.0.0.1:32839",
            DateTimeOffset.UnixEpoch.AddSeconds(i), DateTimeOffset.UnixEpoch.AddSeconds(i + 1), [], null, [], AttemptCost.None)).ToList();

        var rows = JsonSerializer.SerializeToUtf8Bytes(new LedgerRowsSnapshot("s1", 1001, results), SweLancerSerializer.Options).Length;
        var named = JsonSerializer.SerializeToUtf8Bytes(new LedgerSnapshot("s1", 0, results, 1001), SweLancerSerializer.Options).Length;

        Assert.True(rows * 4 <= named, $"rows {rows} bytes, named {named} bytes");
    }

    [Fact]
    public void The_planned_results_still_unfolded_read_back_and_an_older_snapshot_without_them_reads_as_not_known()
    {
        var graded = TestData.Graded("q1", GradeOutcome.Passed, 100m);
        const string older = """{"sweep_id":"s1","sequence_nr":3,"entries":{"strings":[],"rows":[]}}""";

        var read = RoundTrip(new LedgerRowsSnapshot("s1", 5, [graded], Unfolded: 41));
        var complete = RoundTrip(new LedgerRowsSnapshot("s1", 5, [graded], Unfolded: 0));
        var olderRead = JsonSerializer.Deserialize<LedgerRowsSnapshot>(older, SweLancerSerializer.Options)!;

        Assert.Equal((41, 0), (read.Unfolded, complete.Unfolded));
        Assert.Equal((3L, (int?)null), (olderRead.SequenceNr, olderRead.Unfolded));
    }

    [Theory]
    [InlineData("""{"strings":["s1"],"rows":[["q1",1,0,7,1,1,0,0,false,0,1,0,1,0,[],null,null,null]]}""", "string 7 of a table of 1")]
    [InlineData("""{"strings":["s1"],"rows":[["q1",1,0,0,1,9,0,0,false,0,1,0,1,0,[],null,null,null]]}""", "outcome 9")]
    [InlineData("""{"strings":["s1"],"rows":[["q1",1,0,0,1,1,0,0,"no",0,1,0,1,0,[],null,null,null]]}""", "whose retryable is not a boolean")]
    [InlineData("""{"strings":["s1"],"columns":[]}""", "an unknown member 'columns'")]
    public void A_damaged_snapshot_is_refused_with_what_is_wrong(string entries, string expected)
    {
        var json = $$"""{"sweep_id":"s1","sequence_nr":3,"entries":{{entries}}}""";

        var refused = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<LedgerRowsSnapshot>(Encoding.UTF8.GetBytes(json), SweLancerSerializer.Options));

        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public async Task It_goes_through_the_serializer_compressed_under_its_own_manifest()
    {
        using var system = Akka.Actor.ActorSystem.Create("ledger-rows-spec", Akka.Configuration.ConfigurationFactory.ParseString(SerializationConfig.Hocon));
        var snapshot = new LedgerRowsSnapshot("s1", 9, [TestData.Graded("q1", GradeOutcome.Passed, 100m)]);
        var serializer = (Akka.Serialization.SerializerWithStringManifest)system.Serialization.FindSerializerFor(snapshot);

        var bytes = serializer.ToBinary(snapshot);
        var read = (LedgerRowsSnapshot)serializer.FromBinary(bytes, serializer.Manifest(snapshot));

        Assert.Equal("ledger-snapshot.v2", serializer.Manifest(snapshot));
        Assert.Equal([0x1f, 0x8b], bytes[..2]);
        Assert.Equal((9L, "q1", GradeOutcome.Passed), (read.SequenceNr, Assert.Single(read.Entries).QuestionId, read.Entries[0].Outcome));
        Assert.Equal(typeof(LedgerSnapshot), MessageManifests.TypeOf("ledger-snapshot.v1"));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
