using System.Text;
using Akka.Event;

namespace SweLancer.Hosting.Logging;

/// <summary>
/// Appends log lines to a stream and survives a failing disk. A line that cannot be written is dropped and its partial
/// bytes are cut off again, so the file keeps whole lines; the first failure is reported once to
/// <paramref name="complaints"/>, and the first line written after it says how many lines were lost. Throwing instead
/// would be worse than losing lines: Akka logs a crashed logger's error through the same logger, and on a full disk that
/// loop writes stack traces into every byte the disk frees.
/// </summary>
public sealed class LogFileWriter(Stream stream, string name, TextWriter complaints) : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private long _dropped;
    private string? _failure;

    /// <summary>Lines lost since the last successful write.</summary>
    public long Dropped => _dropped;

    public void WriteLine(string line)
    {
        if (_dropped > 0)
        {
            // In Akka's own line format, like every other line of the log.
            if (!TryWrite(new Warning(nameof(LogFileWriter), typeof(LogFileWriter), $"{_dropped} log line(s) were dropped: {_failure}").ToString()))
            {
                _dropped++;
                return;
            }

            complaints.WriteLine($"swelancer: the log ({name}) is written again; {_dropped} line(s) were dropped");
            _dropped = 0;
            _failure = null;
        }

        if (!TryWrite(line))
            _dropped++;
    }

    private bool TryWrite(string line)
    {
        var start = stream.CanSeek ? stream.Position : -1;
        try
        {
            stream.Write(Utf8.GetBytes(line + "\n"));
            stream.Flush();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CutBackTo(start);
            if (_failure is null)
            {
                _failure = ex.Message;
                complaints.WriteLine($"swelancer: cannot write the log ({ex.Message}); log lines are dropped until it can be written again");
            }

            return false;
        }
    }

    // A write the disk refused halfway leaves part of a line; cutting it off keeps the next line from fusing with it.
    private void CutBackTo(long start)
    {
        if (start < 0)
            return;
        try
        {
            stream.SetLength(start);
            stream.Position = start;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // Could not cut back: the file keeps a partial line, which is still better than no log.
        }
    }

    public void Dispose() => stream.Dispose();
}
