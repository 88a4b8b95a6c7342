using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Sweeps;
using Xunit;

namespace SweLancer.Tests.Messages.Serialization;

/// <summary>
/// Ledger snapshots written while the projection read by tag carry only a tag offset; they still read, with no sequence
/// number, so the projection re-reads the sweep from its first event instead of skipping any.
/// </summary>
public sealed class LedgerSnapshotSerializationSpec : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("ledger-snapshot-spec", ConfigurationFactory.ParseString(SerializationConfig.Hocon));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    private SerializerWithStringManifest Serializer => (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(new LedgerSnapshot("s", 0, []));

    [Fact]
    public void A_snapshot_from_the_tag_reading_days_reads_without_a_sequence_number()
    {
        const string old = """{"sweep_id":"s1","offset":4242,"entries":[]}""";

        var snapshot = (LedgerSnapshot)Serializer.FromBinary(Encoding.UTF8.GetBytes(old), "ledger-snapshot.v1");

        Assert.Equal(("s1", 4242L, (long?)null), (snapshot.SweepId, snapshot.Offset, snapshot.SequenceNr));
    }

    [Fact]
    public void A_new_snapshot_keeps_its_sequence_number()
    {
        var written = new LedgerSnapshot("s1", 0, [], SequenceNr: 17);

        var read = (LedgerSnapshot)Serializer.FromBinary(Serializer.ToBinary(written), Serializer.Manifest(written));

        Assert.Equal(17L, read.SequenceNr);
    }
}
