using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Messages.Telemetry;

/// <summary>The trace parent travels in GradeTask and TaskGraded, and journals written before it existed still read.</summary>
public sealed class TraceParentSerializationSpec : IDisposable
{
    private const string Parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private readonly ActorSystem _system = ActorSystem.Create("trace-parent-spec", ConfigurationFactory.ParseString(SerializationConfig.Hocon));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    private T RoundTrip<T>(T message) where T : notnull
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(message);
        return (T)serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));
    }

    [Fact]
    public void The_trace_parent_round_trips_as_trace_parent()
    {
        var graded = Graded("q1", GradeOutcome.Passed, 100m) with { TraceParent = Parent };
        var task = new GradeTask("s1", Manager("m1", 100m), 1, Choose("m1", "2"), 1, Parent);
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(graded);

        Assert.Contains($"\"trace_parent\":\"{Parent}\"", Encoding.UTF8.GetString(serializer.ToBinary(graded)));
        Assert.Equal(Parent, RoundTrip(graded).TraceParent);
        Assert.Equal(Parent, RoundTrip(task).TraceParent);
    }

    [Fact]
    public void A_result_journaled_before_trace_parents_existed_reads_under_the_same_manifest()
    {
        // A task-graded.v1 payload as the journal held it before the field was added.
        const string old = """
            {"sweep_id":"s1","question_id":"q1","attempt":2,"variant":"swe_manager","price_usd":100,"outcome":"passed","earned_usd":100,
             "reason":"ok","retryable":false,"grader_node":"n","started_at":"2026-01-01T00:00:00+00:00","finished_at":"2026-01-01T00:00:01+00:00","artefacts":[]}
            """;
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(Graded("q", GradeOutcome.Passed, 1m));

        var graded = (TaskGraded)serializer.FromBinary(Encoding.UTF8.GetBytes(old), "task-graded.v1");

        Assert.Equal(("q1", 2, GradeOutcome.Passed, 100m), (graded.QuestionId, graded.Attempt, graded.Outcome, graded.EarnedUsd));
        Assert.Null(graded.TraceParent);
    }
}
