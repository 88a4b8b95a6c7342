using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using SweLancer.Messages.Events;
using SweLancer.Messages.Serialization;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Messages.Serialization;

/// <summary>Run records and costs travel in TaskGraded under the same manifest; journals written before them still read.</summary>
public sealed class TestRunSerializationSpec : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("test-run-spec", ConfigurationFactory.ParseString(SerializationConfig.Hocon));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    private SerializerWithStringManifest Serializer => (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(Graded("q", GradeOutcome.Passed, 1m));

    [Fact]
    public void Runs_and_cost_are_written_in_snake_case_and_read_back()
    {
        var graded = Graded("q1", GradeOutcome.Passed, 100m) with
        {
            Runs = [new TestRunRecord(1, GradeOutcome.Failed), new TestRunRecord(2, GradeOutcome.Passed)],
            Cost = new AttemptCost(42.125, 7.5),
        };

        var bytes = Serializer.ToBinary(graded);
        var back = (TaskGraded)Serializer.FromBinary(bytes, Serializer.Manifest(graded));

        var json = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"runs\":[{\"run\":1,\"outcome\":\"failed\"},{\"run\":2,\"outcome\":\"passed\"}]", json);
        Assert.Contains("\"cost\":{\"container_seconds\":42.125,\"browser_seconds\":7.5}", json);
        Assert.Equal("task-graded.v1", Serializer.Manifest(graded));
        Assert.Equal(graded.Runs, back.Runs);
        Assert.Equal(graded.Cost, back.Cost);
    }

    [Fact]
    public void A_result_journaled_before_runs_and_costs_were_recorded_reads_with_neither()
    {
        // A task-graded.v1 payload as the journal held it before the two fields were added (trace parent included).
        const string old = """
            {"sweep_id":"s1","question_id":"q1","attempt":1,"variant":"ic_swe","price_usd":250,"outcome":"passed","earned_usd":250,
             "reason":"hidden tests passed","retryable":false,"grader_node":"n","started_at":"2026-01-01T00:00:00+00:00",
             "finished_at":"2026-01-01T00:00:09+00:00","artefacts":[],"trace_parent":null}
            """;

        var graded = (TaskGraded)Serializer.FromBinary(Encoding.UTF8.GetBytes(old), "task-graded.v1");

        Assert.Equal(("q1", GradeOutcome.Passed, 250m), (graded.QuestionId, graded.Outcome, graded.EarnedUsd));
        Assert.Null(graded.Runs);
        Assert.Null(graded.Cost);
    }
}
