namespace SweLancer.Domain.Import;

/// <summary>
/// A read-only stream over a file that refuses malformed UTF-8 as it is read, naming the file, line and byte, so a text
/// reader on top never sees bytes it would silently replace. Streaming keeps a large submissions file out of memory.
/// </summary>
internal sealed class Utf8CheckedStream(Stream inner, string path) : Stream
{
    private readonly Utf8Validator _validator = new();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => buffer.Length == 0 ? 0 : Check(buffer[..inner.Read(buffer)]);

    private int Check(ReadOnlySpan<byte> read)
    {
        var ok = read.Length == 0 ? _validator.Finish() : _validator.Feed(read);
        if (!ok)
            throw new InputFormatException([_validator.Error!.ToProblem(path)]);
        return read.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
