using System.Text;
using System.Text.Json;

namespace SweLancer.Domain.Import;

/// <summary>
/// Finds string escapes that encode a lone UTF-16 surrogate (<c>"\ud800"</c>). JSON's grammar allows them, but they are
/// no character: System.Text.Json refuses to read such a string (a crash without a file or line when it happens deep in
/// a reader), and no UTF-8 writer can store it. Checked once over the whole, already valid, document.
/// </summary>
internal static class JsonEscapes
{
    /// <summary>The 0-based byte offset of the first string or property name holding a lone surrogate, with the escape as written.</summary>
    public static (long Offset, string Escape)? FirstLoneSurrogate(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        // Only a \u escape can spell a surrogate (the bytes are valid UTF-8), and most documents hold none: skip the pass.
        if (utf8.IndexOf(@"\u"u8) < 0)
            return null;
        var reader = new Utf8JsonReader(utf8, options);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
                continue;
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
            if (LoneSurrogate(raw) is { } escape)
                return (reader.TokenStartIndex, escape);
        }
        return null;
    }

    /// <summary>The same for one line of text; the line is encoded only when it holds a <c>\u</c> at all.</summary>
    public static (long Offset, string Escape)? FirstLoneSurrogate(string line) =>
        line.Contains(@"\u", StringComparison.Ordinal) ? FirstLoneSurrogate(Encoding.UTF8.GetBytes(line), default) : null;

    private static string? LoneSurrogate(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
                continue;
            if (!IsUnicodeEscape(raw, i, out var unit))
            {
                i++; // a two-character escape such as \\ or \"
                continue;
            }
            if (char.IsHighSurrogate(unit) && IsUnicodeEscape(raw, i + 6, out var next) && char.IsLowSurrogate(next))
                i += 11; // a proper pair
            else if (char.IsSurrogate(unit))
                return Encoding.ASCII.GetString(raw.Slice(i, 6));
            else
                i += 5;
        }
        return null;
    }

    private static bool IsUnicodeEscape(ReadOnlySpan<byte> raw, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > raw.Length || raw[at] != (byte)'\\' || raw[at + 1] != (byte)'u')
            return false;
        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var c = (char)raw[k];
            if (!char.IsAsciiHexDigit(c))
                return false;
            value = value * 16 + Convert.ToInt32(c.ToString(), 16);
        }
        unit = (char)value;
        return true;
    }
}
