using Akka.Actor;
using Akka.Event;

namespace SweLancer.Hosting.Logging;

/// <summary>
/// Writes Akka's log to a file in the sweep's output folder, so the console keeps to progress and results while
/// warnings and their stack traces stay available for diagnosis. A disk that runs full loses log lines, never the
/// logger (see <see cref="LogFileWriter"/>).
/// </summary>
public sealed class FileLogger : ReceiveActor
{
    /// <summary>Set before the ActorSystem starts; Akka creates loggers by type, without arguments. "-" means standard output.</summary>
    public static string Path { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "swelancer.log");

    private readonly LogFileWriter _writer;

    public FileLogger()
    {
        if (Path == "-")
        {
            _writer = new LogFileWriter(Console.OpenStandardOutput(), "standard output", Console.Error);
        }
        else
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            _writer = new LogFileWriter(file, Path, Console.Error);
        }

        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => _writer.WriteLine(e.ToString()));
    }

    protected override void PostStop()
    {
        _writer.Dispose();
        base.PostStop();
    }
}
