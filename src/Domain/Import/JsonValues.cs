using System.Globalization;
using System.Text.Json;

namespace SweLancer.Domain.Import;

/// <summary>Small conversions shared by the JSON readers.</summary>
internal static class JsonValues
{
    /// <summary>
    /// An id given as a JSON string or integer, as invariant text (<c>4</c> -> "4", <c>"4"</c> -> "4");
    /// null with <paramref name="error"/> set for anything else (fractions, booleans, objects, empty strings).
    /// </summary>
    public static string? IdText(JsonElement value, out string? error)
    {
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString();
                if (string.IsNullOrWhiteSpace(text))
                    error = "must not be empty";
                return string.IsNullOrWhiteSpace(text) ? null : text;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var l))
                    return l.ToString(CultureInfo.InvariantCulture);
                var raw = value.GetRawText();
                if (raw.TrimStart('-').All(char.IsAsciiDigit))
                    return raw; // an integer too big for long: its digits are its text
                error = $"must be a string or an integer, not {raw}";
                return null;
            default:
                error = $"must be a string or an integer, not {KindOf(value)}";
                return null;
        }
    }

    /// <summary>A short name of a JSON value's kind, for messages.</summary>
    public static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// A <see cref="JsonException"/>'s message without the "LineNumber: … | BytePositionInLine: …" tail,
    /// since the location is reported separately and 1-based.
    /// </summary>
    public static string SyntaxMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
