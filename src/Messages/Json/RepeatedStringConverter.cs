using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweLancer.Messages.Json;

/// <summary>
/// Reads a string that repeats across events (a sweep id, a variant, a node address, a grading reason) as one shared
/// instance instead of a fresh copy per event: a 100,000-task sweep reads every result back from its journal, and each
/// copy of such a field cost as much as the event's numbers. The pool is bounded, so a field that turns out to be
/// unique per event (a free-form reason) stops being pooled instead of growing without end.
/// </summary>
public sealed class RepeatedStringConverter : JsonConverter<string>
{
    /// <summary>Values whose JSON text is longer (in UTF-8 bytes) are read as usual; they are rarely repeated verbatim.</summary>
    public const int MaxPooledLength = 256;

    /// <summary>How many distinct strings the process pools in all.</summary>
    public const int Capacity = 16_384;

    private static readonly BoundedStringPool Pool = new(Capacity);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (reader.TokenType != JsonTokenType.String || length > MaxPooledLength)
            return reader.GetString();

        // UTF-8 never takes fewer bytes than UTF-16 chars, and escapes only shrink when unescaped.
        Span<char> chars = stackalloc char[MaxPooledLength];
        var text = chars[..reader.CopyString(chars)];
        return Pool.Share(text);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
