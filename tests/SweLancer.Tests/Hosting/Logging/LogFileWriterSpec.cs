using System.Text;
using SweLancer.Hosting.Logging;
using Xunit;

namespace SweLancer.Tests.Hosting.Logging;

public sealed class LogFileWriterSpec
{
    [Fact]
    public void A_full_disk_drops_lines_without_throwing_and_leaves_no_partial_line()
    {
        var disk = new SmallStream(room: 50);
        var complaints = new StringWriter();
        using var writer = new LogFileWriter(disk, "swelancer.log", complaints);

        writer.WriteLine("first line of twenty");
        writer.WriteLine("second line, which does not fit");
        writer.WriteLine("third");

        // The third line would fit, but the notice of the drop goes first, and it does not.
        Assert.Equal(2, writer.Dropped);
        Assert.Equal("first line of twenty\n", disk.Text);
        var complaint = Assert.Single(complaints.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot write the log (No space left on device)", complaint);
    }

    [Fact]
    public void The_first_line_written_after_the_disk_frees_says_how_many_were_dropped()
    {
        var disk = new SmallStream(room: 10);
        var complaints = new StringWriter();
        using var writer = new LogFileWriter(disk, "swelancer.log", complaints);
        for (var i = 0; i < 5; i++)
            writer.WriteLine($"line {i} that is too long for the disk");

        disk.Room = 10_000;
        writer.WriteLine("after");

        Assert.Equal(0, writer.Dropped);
        var lines = disk.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("5 log line(s) were dropped: No space left on device", lines[0]);
        Assert.Equal("after", lines[1]);
        Assert.Contains("the log (swelancer.log) is written again; 5 line(s) were dropped", complaints.ToString());
    }

    [Fact]
    public void The_kernels_own_full_device_is_survived()
    {
        // /dev/full answers every write with ENOSPC, as a full disk does.
        var complaints = new StringWriter();
        using var writer = new LogFileWriter(new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0), "/dev/full", complaints);

        for (var i = 0; i < 3; i++)
            writer.WriteLine($"line {i}");

        Assert.Equal(3, writer.Dropped);
        var complaint = Assert.Single(complaints.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot write the log (No space left on device : '/dev/full')", complaint);
    }

    /// <summary>A disk of <see cref="Room"/> bytes: a write past it stores what fits and then fails, as ENOSPC does.</summary>
    private sealed class SmallStream(int room) : MemoryStream
    {
        public int Room { get; set; } = room;

        public string Text => Encoding.UTF8.GetString(ToArray());

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = (int)Math.Max(0, Room - Position);
            var fits = buffer[..Math.Min(room, buffer.Length)].ToArray();
            base.Write(fits, 0, fits.Length);
            if (buffer.Length > room)
                throw new IOException("No space left on device");
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    }
}
