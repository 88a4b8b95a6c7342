using System.Globalization;

namespace SweLancer.Bench;

/// <param name="Concurrency">Tests at once, the same on both sides.</param>
public sealed record BenchOptions(int Tests, int Concurrency, int Rounds, bool Warmup, bool Profile, string TasksJson, string OutputJson)
{
    /// <summary>A grader node's default: one grading slot per core (ContainerPoolOptions.DefaultSlots), at least 2.</summary>
    public static int DefaultConcurrency => Math.Max(2, Environment.ProcessorCount);

    public const string Usage =
        "usage: browser-sharing-bench [--tests N=60] [--concurrency C=cores] [--rounds R=2] [--no-warmup] [--profile] [--tasks tasks.json] [--out results.json]";

    public static BenchOptions Parse(string[] args)
    {
        var root = RepoRoot();
        int tests = 60, concurrency = DefaultConcurrency, rounds = 2;
        var warmup = true;
        var profile = false;
        var tasks = Path.Combine(root, "samples", "freelance-app", "tasks.json");
        var output = Path.Combine(root, "bench", "results", "browser-sharing.json");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Positive()
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"{name} must be a positive integer, not '{text}'");
            }
            switch (args[i])
            {
                case "--tests": tests = Positive(); break;
                case "--concurrency": concurrency = Positive(); break;
                case "--rounds": rounds = Positive(); break;
                case "--no-warmup": warmup = false; break;
                case "--profile": profile = true; break;
                case "--tasks": tasks = Path.GetFullPath(Value()); break;
                case "--out": output = Path.GetFullPath(Value()); break;
                case "-h" or "--help": throw new ArgumentException("help");
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new BenchOptions(tests, concurrency, rounds, warmup, profile, tasks, output);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SweLancer.sln")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
