using System.IO.Compression;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Messages.Serialization;

/// <summary>Snapshots are written gzip-compressed; those written before, as plain JSON, still read.</summary>
public sealed class SnapshotCompressionSpec : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("snapshot-compression-spec", ConfigurationFactory.ParseString(SerializationConfig.Hocon));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    private SerializerWithStringManifest SerializerFor(object message) => (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(message);

    private static SweepSnapshot Snapshot(int tasks)
    {
        var plan = new SweepPlanned("s1", Enumerable.Range(0, tasks).Select(i => new PlannedItem($"q{i:D6}", 1, "swe_manager", 250m, null)).ToList(),
            DateTimeOffset.UnixEpoch);
        return new SweepSnapshot(plan, Enumerable.Range(0, tasks).Select(i => Graded($"q{i:D6}", i % 2 == 0 ? GradeOutcome.Passed : GradeOutcome.Failed, 250m)).ToList());
    }

    [Fact]
    public void A_sweep_snapshot_is_written_compressed_and_reads_back_whole()
    {
        var snapshot = Snapshot(2_000);
        var serializer = SerializerFor(snapshot);

        var bytes = serializer.ToBinary(snapshot);
        var read = (SweepSnapshot)serializer.FromBinary(bytes, serializer.Manifest(snapshot));

        using var plain = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
            gzip.CopyTo(plain);
        Assert.StartsWith("{\"plan\":{\"sweep_id\":\"s1\"", Encoding.UTF8.GetString(plain.ToArray()));
        Assert.True(bytes.Length * 5 < plain.Length, $"{bytes.Length} compressed bytes for {plain.Length} of JSON");
        Assert.Equal(snapshot.Plan.Items, read.Plan.Items);
        Assert.Equal(snapshot.Results.Select(r => (r.Key, r.Outcome, r.EarnedUsd)), read.Results.Select(r => (r.Key, r.Outcome, r.EarnedUsd)));
    }

    [Fact]
    public void A_ledger_snapshot_is_written_compressed()
    {
        var snapshot = new LedgerSnapshot("s1", 0, [Graded("q1", GradeOutcome.Passed, 500m)], SequenceNr: 3);
        var serializer = SerializerFor(snapshot);

        var bytes = serializer.ToBinary(snapshot);
        var read = (LedgerSnapshot)serializer.FromBinary(bytes, serializer.Manifest(snapshot));

        Assert.Equal([0x1f, 0x8b], bytes[..2]);
        Assert.Equal((3L, 500m), (read.SequenceNr!.Value, read.Entries.Single().EarnedUsd));
    }

    [Fact]
    public void A_sweep_snapshot_written_as_plain_json_before_compression_still_reads()
    {
        var snapshot = Snapshot(3);
        var serializer = SerializerFor(snapshot);
        var plainJson = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(snapshot, SweLancerSerializer.Options);

        var read = (SweepSnapshot)serializer.FromBinary(plainJson, "sweep-snapshot.v1");

        Assert.Equal(snapshot.Plan.Items, read.Plan.Items);
        Assert.Equal(3, read.Results.Count);
    }

    [Fact]
    public void Events_stay_plain_json()
    {
        var graded = Graded("q1", GradeOutcome.Passed, 500m);

        var bytes = SerializerFor(graded).ToBinary(graded);

        Assert.StartsWith("{\"sweep_id\":\"s1\"", Encoding.UTF8.GetString(bytes));
    }
}
