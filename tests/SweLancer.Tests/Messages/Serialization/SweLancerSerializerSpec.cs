using System.IO.Compression;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Nodes;
using SweLancer.Messages.Serialization;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Messages.Serialization;

public sealed class SweLancerSerializerSpec : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("serialization-spec", ConfigurationFactory.ParseString(SerializationConfig.Hocon));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    public static TheoryData<object> Messages => new()
    {
        new SweepPlanned("s1", [new PlannedItem("q1", 2, "swe_manager", 4000.0m, "abc"), new PlannedItem("q2", 1, "ic_swe", 250m, null)], DateTimeOffset.Parse("2026-11-24T01:02:03Z")),
        Graded("q1", GradeOutcome.SystemError, 1000m) with { Reason = "daemon gone", Retryable = true, Artefacts = ["a/b.png"] },
        Graded("q2", GradeOutcome.Passed, 500m) with { Runs = [new TestRunRecord(1, GradeOutcome.Failed), new TestRunRecord(2, GradeOutcome.Passed)], Cost = new AttemptCost(12.5, 3.25) },
        new GradeTask("s1", Manager("m1", 500m, correct: "3", "1", "3"), 1, Choose("m1", "3"), 2),
        // An IC task carries its patches, browser steps and hidden test bytes inline to the grader node.
        new GradeTask("s1", new SweLancer.Messages.Tasks.TaskDefinition("fa-1", "ic_swe", 250m, "t", null, new SweLancer.Messages.Tasks.IcTaskSpec(
            ["srv/app"], "/srv/app", "img:1", "--- a/x\n", "gold", "browser", 8080, 30,
            [new SweLancer.Messages.Tasks.BrowserTest("n", [new SweLancer.Messages.Tasks.BrowserStep("expect_count", Selector: ".r", Count: 3)])],
            ["sh", "/hidden-tests/t.sh"], [new SweLancer.Messages.Tasks.HiddenTestFile("t.sh", [0, 1, 255], true)])), 1, Patch("fa-1"), 1),
        new LedgerSnapshot("s1", 42, [Graded("q1", GradeOutcome.Passed, 1000m)]),
        GetNodeStatus.Instance,
        new NodeStatus("g1", new ContainerPoolUse(4, 2, 1, 1), "running", 3, null, DateTimeOffset.Parse("2026-11-24T01:02:03Z")),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_project_message_is_bound_to_the_versioned_serializer_and_round_trips(object message)
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.IsType<SweLancerSerializer>(serializer);

        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var back = _system.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);

        Assert.Equal(Canonical(message), Canonical(back));
    }

    [Fact]
    public void The_journal_stores_a_versioned_name_not_a_clr_type_name()
    {
        var graded = Graded("q1", GradeOutcome.Passed, 1000m);
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(graded);

        Assert.Equal("task-graded.v1", serializer.Manifest(graded));
        var json = Encoding.UTF8.GetString(serializer.ToBinary(graded));
        Assert.Contains("\"question_id\":\"q1\"", json);
        Assert.Contains("\"outcome\":\"passed\"", json);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_with_a_clear_message()
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(Graded("q1", GradeOutcome.Passed, 1m));

        var error = Assert.Throws<ArgumentException>(() => serializer.FromBinary("{}"u8.ToArray(), "task-graded.v9"));
        Assert.Contains("Unknown message manifest 'task-graded.v9'", error.Message);
    }

    // Snapshots are written gzip-compressed; those written before, as plain JSON, still read.
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
    public void A_sweep_marks_snapshot_is_compressed_and_reads_back_the_outcome_of_each_attempt()
    {
        var withResults = Snapshot(2_000);
        var snapshot = new SweepMarksSnapshot(withResults.Plan, withResults.Results.Select(r => new GradedMark(r.QuestionId, r.Attempt, r.Outcome)).ToList());
        var serializer = SerializerFor(snapshot);

        var bytes = serializer.ToBinary(snapshot);
        var read = (SweepMarksSnapshot)serializer.FromBinary(bytes, serializer.Manifest(snapshot));

        Assert.Equal("sweep-snapshot.v2", serializer.Manifest(snapshot));
        Assert.Equal([0x1f, 0x8b], bytes[..2]);
        Assert.Equal(snapshot.Plan.Items, read.Plan.Items);
        Assert.Equal(snapshot.Graded, read.Graded);
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

    [Fact]
    public void An_event_leaves_out_its_derived_key_and_one_written_with_it_still_reads()
    {
        var graded = Graded("q1", GradeOutcome.Passed, 500m, attempt: 2);
        var serializer = SerializerFor(graded);

        var json = Encoding.UTF8.GetString(serializer.ToBinary(graded));
        var withKey = json[..^1] + ""","key":{"question_id":"q1","attempt":2}}""";
        var read = (TaskGraded)serializer.FromBinary(Encoding.UTF8.GetBytes(withKey), serializer.Manifest(graded));

        Assert.DoesNotContain("\"key\"", json);
        Assert.Equal(Canonical(graded), Canonical(read));
        Assert.Equal(new ResultKey("q1", 2), read.Key);
    }

    private SerializerWithStringManifest SerializerFor(object message) => (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(message);

    // Records holding lists compare by reference, so compare their serialized form.
    private static string Canonical(object message) =>
        System.Text.Json.JsonSerializer.Serialize(message, message.GetType());
}
