using System.Diagnostics;
using System.Text;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>Runs the real `swelancer` program (the built coordinator) as a separate process.</summary>
public static class CoordinatorCli
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "swelancer.dll");

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static Task<Result> RunAsync(TimeSpan timeout, params string[] args) =>
        RunAsync(timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (e.g. SWELANCER_API_TOKEN).</summary>
    public static Task<Result> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunUnderAsync([], timeout, environment, args);

    /// <summary>Runs under <paramref name="launcher"/> (e.g. nsenter into a network namespace), which execs the program.</summary>
    public static Task<Result> RunUnderAsync(IReadOnlyList<string> launcher, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(DllPath, launcher, timeout, environment, args);

    /// <summary>Runs another build of the program (e.g. a copy of this one with a file taken out).</summary>
    public static Task<Result> RunBuildAsync(string dll, TimeSpan timeout, params string[] args) =>
        RunAsync(dll, [], timeout, new Dictionary<string, string>(), args);

    private static async Task<Result> RunAsync(string dll, IReadOnlyList<string> launcher, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        using var process = Start(dll, launcher, environment, args);
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"swelancer {string.Join(' ', args)} did not finish in {timeout}.\n{output}\n{error}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>Starts the program with redirected output; the caller reads and ends it.</summary>
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(DllPath, [], environment, args);

    private static Process Start(string dll, IReadOnlyList<string> launcher, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in launcher.Skip(1))
            info.ArgumentList.Add(arg);
        if (launcher.Count > 0)
            info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
