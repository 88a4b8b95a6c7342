using System.Text;
using System.Text.Json;

namespace SweLancer.Domain.Import;

/// <summary>
/// Where each value of a JSON document starts, by JSON path (<c>$.tasks[1].price</c>), so that checks made on a
/// <see cref="JsonDocument"/> (which keeps no positions) can still name the line. Built from a reader pass over
/// the same bytes; the document must already be known to be valid JSON. The pass is made when a line is first asked
/// for: only a manifest with a problem needs one, and on a 100,000-task manifest it cost seconds.
/// </summary>
internal sealed class JsonLineMap(byte[] utf8, JsonReaderOptions options)
{
    private Dictionary<string, long>? _offsets;

    private static Dictionary<string, long> Offsets(byte[] utf8, JsonReaderOptions options)
    {
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, options);
        var frames = new List<Frame>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1].Property = reader.GetString();
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                case JsonTokenType.Comment or JsonTokenType.None:
                    continue;
            }
            // A value in an array is its next element; the index must hold while the element's children are read.
            if (frames.Count > 0 && frames[^1].IsArray)
                frames[^1].Index = frames[^1].Count++;
            offsets.TryAdd(PathOf(frames), reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
        }
        return offsets;
    }

    /// <summary>
    /// The 1-based line where the value at <paramref name="path"/> starts; for a path that is not in the
    /// document (a missing property), the line of its nearest existing parent.
    /// </summary>
    public int? LineOf(string path)
    {
        _offsets ??= Offsets(utf8, options);
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_offsets.TryGetValue(p, out var offset))
                return LineAt(offset);
        }
        return null;
    }

    /// <summary><c>$.tasks[1].price</c> -> <c>$.tasks[1]</c> -> <c>$.tasks</c> -> <c>$</c> -> "".</summary>
    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private int LineAt(long offset)
    {
        var line = 1;
        var end = Math.Min(offset, utf8.Length);
        for (var i = 0; i < end; i++)
        {
            if (utf8[i] == (byte)'\n')
                line++;
        }
        return line;
    }

    private static string PathOf(List<Frame> frames)
    {
        var sb = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
                sb.Append('[').Append(frame.Index).Append(']');
            else
                sb.Append('.').Append(frame.Property);
        }
        return sb.ToString();
    }

    private sealed class Frame
    {
        public bool IsArray { get; init; }
        public int Index { get; set; } = -1;
        public int Count { get; set; }
        public string? Property { get; set; }
    }
}
