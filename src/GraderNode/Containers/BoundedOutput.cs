using System.Text;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// Keeps the first and last <see cref="Half"/> bytes of a stream of output and counts the rest, so a test that floods
/// stdout costs the grader a fixed amount of memory whatever it writes. Reasons only ever show the head and the tail.
/// </summary>
public sealed class BoundedOutput(int half = BoundedOutput.DefaultHalf)
{
    public const int DefaultHalf = 64 * 1024;

    private readonly MemoryStream _head = new();
    private readonly byte[] _tail = new byte[half];
    private int _tailStart;
    private int _tailLength;

    public int Half => half;

    /// <summary>Every byte written, kept or not.</summary>
    public long Total { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Total += bytes.Length;
        var toHead = Math.Min(bytes.Length, half - (int)_head.Length);
        if (toHead > 0)
        {
            _head.Write(bytes[..toHead]);
            bytes = bytes[toHead..];
        }
        foreach (var b in bytes.Length > half ? bytes[^half..] : bytes)
        {
            _tail[(_tailStart + _tailLength) % half] = b;
            if (_tailLength < half)
                _tailLength++;
            else
                _tailStart = (_tailStart + 1) % half;
        }
    }

    public override string ToString()
    {
        var head = Encoding.UTF8.GetString(_head.GetBuffer(), 0, (int)_head.Length);
        if (_tailLength == 0)
            return head;
        var tail = new byte[_tailLength];
        for (var i = 0; i < _tailLength; i++)
            tail[i] = _tail[(_tailStart + i) % half];
        var omitted = Total - _head.Length - _tailLength;
        var gap = omitted > 0 ? $"\n… [{omitted:N0} bytes of output omitted] …\n" : "";
        return head + gap + Encoding.UTF8.GetString(tail);
    }
}
