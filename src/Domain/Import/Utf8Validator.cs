using System.Globalization;

namespace SweLancer.Domain.Import;

/// <summary>
/// Checks that bytes are well-formed UTF-8 (Unicode table 3-7: no overlongs, no encoded surrogates, nothing above
/// U+10FFFF, no truncated sequences), fed in chunks, and says where the first bad sequence starts. Decoders replace bad
/// bytes with U+FFFD without a word; an id or a price altered that way must be refused instead.
/// </summary>
public sealed class Utf8Validator
{
    private long _offset;       // file offset of the next byte
    private int _line = 1;
    private long _lineStart;    // file offset of the current line's first byte
    private int _need;          // continuation bytes the current sequence still needs
    private byte _low = 0x80, _high = 0xBF; // the range the next continuation byte must fall in
    private long _sequenceStart;
    private readonly List<byte> _sequence = new(4);

    /// <summary>Where the first malformed sequence starts, or null while everything so far is well-formed.</summary>
    public Utf8Error? Error { get; private set; }

    /// <summary>Checks the next chunk; false (with <see cref="Error"/> set) at the first malformed sequence.</summary>
    public bool Feed(ReadOnlySpan<byte> bytes)
    {
        if (Error is not null)
            return false;
        if (_need == 0 && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // The common case, checked vectorized: only the lines are counted, for an error in a later chunk.
            var newlines = bytes.Count((byte)'\n');
            if (newlines > 0)
                (_line, _lineStart) = (_line + newlines, _offset + bytes.LastIndexOf((byte)'\n') + 1);
            _offset += bytes.Length;
            return true;
        }
        foreach (var b in bytes)
        {
            if (_need > 0)
            {
                _sequence.Add(b);
                if (b < _low || b > _high)
                    return Fail();
                _low = 0x80;
                _high = 0xBF;
                _need--;
            }
            else if (b < 0x80)
            {
                if (b == (byte)'\n')
                {
                    _line++;
                    _lineStart = _offset + 1;
                }
            }
            else
            {
                _sequenceStart = _offset;
                _sequence.Clear();
                _sequence.Add(b);
                (_need, _low, _high) = b switch
                {
                    >= 0xC2 and <= 0xDF => (1, (byte)0x80, (byte)0xBF),
                    0xE0 => (2, (byte)0xA0, (byte)0xBF), // no overlongs
                    >= 0xE1 and <= 0xEC or 0xEE or 0xEF => (2, (byte)0x80, (byte)0xBF),
                    0xED => (2, (byte)0x80, (byte)0x9F), // no surrogates
                    0xF0 => (3, (byte)0x90, (byte)0xBF),
                    >= 0xF1 and <= 0xF3 => (3, (byte)0x80, (byte)0xBF),
                    0xF4 => (3, (byte)0x80, (byte)0x8F), // nothing above U+10FFFF
                    _ => (-1, (byte)0, (byte)0),        // a continuation byte without a lead, C0, C1, F5..FF
                };
                if (_need < 0)
                    return Fail();
            }
            _offset++;
        }
        return true;
    }

    /// <summary>Call at the end of the input: a sequence cut off by the end is malformed too.</summary>
    public bool Finish() => Error is null && (_need == 0 || Fail());

    private bool Fail()
    {
        Error = new Utf8Error(_sequenceStart, _line, _sequenceStart - _lineStart, [.. _sequence]);
        _need = 0;
        return false;
    }
}

/// <summary>A malformed UTF-8 sequence: where it starts (0-based) and its bytes up to the first wrong one.</summary>
public sealed record Utf8Error(long Offset, int Line, long OffsetInLine, IReadOnlyList<byte> Bytes)
{
    /// <summary>The problem as users read it: file, line, byte of the line and of the file, and the bytes.</summary>
    public InputProblem ToProblem(string path)
    {
        var bytes = string.Join(' ', Bytes.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
        var detail = Offset == 0 && Bytes[0] is 0xFF or 0xFE
            ? $"is not UTF-8: it starts with {bytes}, a UTF-16 or UTF-32 byte order mark; save it as UTF-8"
            : $"invalid UTF-8 at byte {OffsetInLine + 1} of the line (byte {Offset + 1} of the file): {bytes}; the file must be UTF-8";
        return new InputProblem(path, Line, null, detail) { Where = $"line {Line}" };
    }
}
