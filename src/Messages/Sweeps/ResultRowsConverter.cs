using System.Text.Json;
using System.Text.Json.Serialization;
using SweLancer.Messages.Events;

namespace SweLancer.Messages.Sweeps;

/// <summary>
/// A ledger snapshot's results as rows of values in a fixed order, with the strings that repeat across results (sweep
/// id, variant, reason, node) written once in a table and referred to by index, and times as ticks with an offset in
/// minutes. The named-property form cost 455 bytes per result (45 MB of JSON at 100,000 tasks) and was the largest
/// part of reopening a finished sweep; rows read several times faster. The order of a row is the format: changing it
/// means a new manifest.
/// </summary>
public sealed class ResultRowsConverter : JsonConverter<IReadOnlyList<TaskGraded>>
{
    private const int RowsPerFlush = 1000;

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TaskGraded> results, JsonSerializerOptions options)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string value)
        {
            if (!table.TryGetValue(value, out var index))
                table.Add(value, index = table.Count);
            return index;
        }

        var indexes = results.Select(r => (Sweep: Index(r.SweepId), Variant: Index(r.Variant), Reason: Index(r.Reason), Node: Index(r.GraderNode))).ToList();
        writer.WriteStartObject();
        writer.WriteStartArray("strings");
        foreach (var value in table.Keys)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        for (var i = 0; i < results.Count; i++)
        {
            WriteRow(writer, results[i], indexes[i]);
            // A writer over a stream hands what it holds to the stream here; JsonSerializer's own writer just keeps it.
            if (i % RowsPerFlush == RowsPerFlush - 1)
                writer.Flush();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter writer, TaskGraded r, (int Sweep, int Variant, int Reason, int Node) strings)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(r.QuestionId);
        writer.WriteNumberValue(r.Attempt);
        writer.WriteNumberValue(strings.Sweep);
        writer.WriteNumberValue(strings.Variant);
        writer.WriteNumberValue(r.PriceUsd);
        writer.WriteNumberValue((int)r.Outcome);
        writer.WriteNumberValue(r.EarnedUsd);
        writer.WriteNumberValue(strings.Reason);
        writer.WriteBooleanValue(r.Retryable);
        writer.WriteNumberValue(strings.Node);
        WriteTime(writer, r.StartedAt);
        WriteTime(writer, r.FinishedAt);
        writer.WriteStartArray();
        foreach (var artefact in r.Artefacts)
            writer.WriteStringValue(artefact);
        writer.WriteEndArray();
        if (r.TraceParent is null) writer.WriteNullValue(); else writer.WriteStringValue(r.TraceParent);
        if (r.Runs is null)
            writer.WriteNullValue();
        else
        {
            writer.WriteStartArray();
            foreach (var run in r.Runs)
            {
                writer.WriteNumberValue(run.Run);
                writer.WriteNumberValue((int)run.Outcome);
            }

            writer.WriteEndArray();
        }

        if (r.Cost is null)
            writer.WriteNullValue();
        else
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(r.Cost.ContainerSeconds);
            writer.WriteNumberValue(r.Cost.BrowserSeconds);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    // The clock's ticks and the offset: the same instant and the same offset read back.
    private static void WriteTime(Utf8JsonWriter writer, DateTimeOffset time)
    {
        writer.WriteNumberValue(time.Ticks);
        writer.WriteNumberValue((int)time.Offset.TotalMinutes);
    }

    public override IReadOnlyList<TaskGraded> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var strings = new List<string>();
        var results = new List<TaskGraded>();
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            Next(ref reader);
            switch (name)
            {
                case "strings":
                    Expect(ref reader, JsonTokenType.StartArray);
                    while (Next(ref reader) != JsonTokenType.EndArray)
                        strings.Add(reader.GetString() ?? throw Invalid("a null in the string table"));
                    break;
                case "rows":
                    Expect(ref reader, JsonTokenType.StartArray);
                    while (Next(ref reader) != JsonTokenType.EndArray)
                        results.Add(ReadRow(ref reader, strings));
                    break;
                default:
                    throw Invalid($"an unknown member '{name}'");
            }
        }

        return results;
    }

    private static TaskGraded ReadRow(ref Utf8JsonReader reader, List<string> strings)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var questionId = NextString(ref reader) ?? throw Invalid("a row without a question id");
        var attempt = NextInt(ref reader);
        var sweepId = NextString(ref reader, strings);
        var variant = NextString(ref reader, strings);
        var price = NextDecimal(ref reader);
        var outcome = NextOutcome(ref reader);
        var earned = NextDecimal(ref reader);
        var reason = NextString(ref reader, strings);
        Next(ref reader);
        var retryable = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Invalid($"a row of {questionId} whose retryable is not a boolean"),
        };
        var node = NextString(ref reader, strings);
        var started = NextTime(ref reader);
        var finished = NextTime(ref reader);

        Next(ref reader);
        Expect(ref reader, JsonTokenType.StartArray);
        var artefacts = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
            artefacts.Add(reader.GetString() ?? throw Invalid($"a null artefact in the row of {questionId}"));

        var traceParent = NextString(ref reader);

        List<TestRunRecord>? runs = null;
        if (Next(ref reader) != JsonTokenType.Null)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            runs = [];
            while (Next(ref reader) != JsonTokenType.EndArray)
                runs.Add(new TestRunRecord(reader.GetInt32(), NextOutcome(ref reader)));
        }

        AttemptCost? cost = null;
        if (Next(ref reader) != JsonTokenType.Null)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            Next(ref reader);
            var container = reader.GetDouble();
            Next(ref reader);
            cost = new AttemptCost(container, reader.GetDouble());
            Next(ref reader);
            Expect(ref reader, JsonTokenType.EndArray);
        }

        Next(ref reader);
        Expect(ref reader, JsonTokenType.EndArray);
        return new TaskGraded(sweepId, questionId, attempt, variant, price, outcome, earned, reason, retryable, node, started, finished,
            artefacts, traceParent, runs, cost);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw Invalid("its end before the rows closed");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
            throw Invalid($"{reader.TokenType} where {token} belongs");
    }

    private static string? NextString(ref Utf8JsonReader reader) =>
        Next(ref reader) switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            var other => throw Invalid($"{other} where a string belongs"),
        };

    private static string NextString(ref Utf8JsonReader reader, List<string> strings)
    {
        var index = NextInt(ref reader);
        return (uint)index < (uint)strings.Count ? strings[index] : throw Invalid($"string {index} of a table of {strings.Count}");
    }

    private static int NextInt(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.GetInt32();
    }

    private static decimal NextDecimal(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.GetDecimal();
    }

    private static GradeOutcome NextOutcome(ref Utf8JsonReader reader)
    {
        var value = NextInt(ref reader);
        return Enum.IsDefined((GradeOutcome)value) ? (GradeOutcome)value : throw Invalid($"outcome {value}");
    }

    private static DateTimeOffset NextTime(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        var ticks = reader.GetInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(NextInt(ref reader)));
    }

    private static JsonException Invalid(string what) => new($"A ledger snapshot's results hold {what}.");
}
