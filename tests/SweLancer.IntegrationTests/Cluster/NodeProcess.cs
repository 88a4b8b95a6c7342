using System.Diagnostics;
using System.Text;
using SweLancer.IntegrationTests.Infrastructure;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>One real cluster process (coordinator or grader) started from the built dlls, its output kept for diagnosis.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>Whether the process ended; once true, its last lines are in <see cref="Output"/> (Process.HasExited
    /// alone can turn true before the output handlers had them).</summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
                return false;
            _process.WaitForExit(); // with no timeout this also waits for the redirected output to end
            return true;
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static NodeProcess Start(string name, string dll, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartUnder([], name, dll, environment, args);

    /// <summary>Starts the node through a launcher (e.g. setpriv with another group id, so a firewall rule can single it out).</summary>
    public static NodeProcess StartUnder(IReadOnlyList<string> launcher, string name, string dll, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in launcher.Skip(1).Concat(launcher.Count > 0 ? ["dotnet"] : []))
            info.ArgumentList.Add(arg);
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return new NodeProcess(name, Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}"));
    }

    /// <summary>Waits for a line containing <paramref name="text"/>; fails with the output so far if the process exits or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (HasExited)
            {
                if (Output.Contains(text, StringComparison.Ordinal))
                    return;
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before printing '{text}':\n{Output}");
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name} did not print '{text}' within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no cleanup, no goodbye, as when a machine dies.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as Kubernetes stops a pod, then waits for the process to leave on its own.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        Posix.Terminate(_process.Id);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not exit within {timeout} of SIGTERM:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
