using System.Diagnostics;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// A second Docker engine of the spec's own (needs root), so it can be restarted without touching the machine's shared
/// engine. It runs in a network namespace of its own: its default bridge, the grading network's bridge and its iptables
/// rules live there and cannot clash with, or delete, the host's (a dockerd started beside the shared one with
/// <c>--bridge=none</c> once deleted the host's <c>docker0</c>). Its socket, data root, exec root, pid file and config
/// are its own too (its containers' cgroups are named by their ids, as the shared engine's are: no clash, and no
/// <c>--cgroup-parent</c>, whose form depends on the engine's cgroup driver). A grader that uses it runs under <see cref="Launcher"/>, in the same namespace, so it
/// reaches the containers' addresses. Disposing stops the engine and deletes the namespace.
/// </summary>
public sealed class PrivateDockerEngine : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(60);

    private readonly string _root;
    private readonly string _namespace = "swl-engine-" + Guid.NewGuid().ToString("N")[..6];

    /// <param name="liveRestore">Starts the engine with live-restore, as some hosts run it: its containers keep running
    /// while it is down, and it finds them again when it comes back.</param>
    public PrivateDockerEngine(string root, bool liveRestore = false)
    {
        _root = root;
        Directory.CreateDirectory(root);
        // Not the host's /etc/docker/daemon.json.
        File.WriteAllText(Path.Combine(root, "daemon.json"), liveRestore ? """{ "live-restore": true }""" : "{}");
        Run("ip", "netns", "add", _namespace);
        try
        {
            InNamespace("ip", "link", "set", "lo", "up");
            // As scripts/setup-docker.sh does on the host: IPv6 addresses on veths make Chromium drop requests.
            // /proc/sys/net is the namespace's own; written directly, as a fresh machine may lack sysctl (procps).
            InNamespace("sh", "-c", "[ ! -d /proc/sys/net/ipv6 ] || { echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6 && echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; }");
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The engine's address, for DOCKER_HOST.</summary>
    public string Endpoint => "unix://" + Path.Combine(_root, "docker.sock");

    /// <summary>Runs a process in the engine's network namespace (nothing else of the process changes).</summary>
    public IReadOnlyList<string> Launcher => ["nsenter", $"--net=/run/netns/{_namespace}"];

    public string LogPath => Path.Combine(_root, "dockerd.log");

    /// <summary>The docker CLI against this engine.</summary>
    public string Docker(params string[] args) => Run("docker", ["-H", Endpoint, .. args]);

    /// <summary>Builds the sample app's image into this engine (it is made from files, no registry is needed).</summary>
    public void BuildSampleImage() =>
        Run(new Dictionary<string, string> { ["DOCKER_HOST"] = Endpoint }, "bash", Path.Combine(SamplePool.Folder, "build-image.sh"));

    /// <summary>
    /// Stops the engine as an operator's restart does (SIGTERM: it stops its containers and exits), or as a crash does
    /// (<paramref name="crash"/>: SIGKILL, nothing stopped, its containers' shims left running until the new engine
    /// cleans up), and starts it again. Returns how long it was away.
    /// </summary>
    public TimeSpan Restart(bool crash = false)
    {
        var away = Stopwatch.StartNew();
        if (crash)
            Kill();
        else
            Stop();
        Start();
        return away.Elapsed;
    }

    private void Kill()
    {
        if (_pid is not { } pid || !Alive(pid))
            return;
        using (var process = Process.GetProcessById(pid))
            process.Kill();
        var deadline = DateTime.UtcNow + StopLimit;
        while (Alive(pid) && DateTime.UtcNow < deadline)
            Thread.Sleep(100);
        if (Alive(pid))
            throw new InvalidOperationException($"the private dockerd (pid {pid}) did not die within {StopLimit.TotalSeconds} s of SIGKILL\n{Tail()}");
        _pid = null;
        // A crash leaves the pid files of the engine and of its containerd (killed with it). Until a dead process is
        // reaped its pid still exists, and this machine's pid 1 does not reap: the new engine would refuse to start
        // ("pid file found") or wait for the dead containerd. A real init reaps them; here the files go.
        RemoveStalePidFile(Path.Combine(_root, "docker.pid"));
        RemoveStalePidFile(Path.Combine(_root, "exec", "containerd", "containerd.pid"));
    }

    private static void RemoveStalePidFile(string path)
    {
        if (!File.Exists(path) || !int.TryParse(File.ReadAllText(path).Trim(), out var pid))
            return;
        var deadline = DateTime.UtcNow + StopLimit;
        while (Alive(pid) && DateTime.UtcNow < deadline)
            Thread.Sleep(100);
        if (!Alive(pid))
            File.Delete(path);
    }

    private int? _pid;

    private void Start()
    {
        // exec all the way down, so the pid is dockerd's; nsenter without --fork execs too.
        string[] words =
        [
            "exec", .. Launcher, "dockerd", "--host", Endpoint, "--config-file", Path.Combine(_root, "daemon.json"),
            "--data-root", Path.Combine(_root, "data"), "--exec-root", Path.Combine(_root, "exec"), "--pidfile", Path.Combine(_root, "docker.pid"),
            ">>", LogPath, "2>&1", "</dev/null",
        ];
        var command = string.Join(' ', words);
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false })
                            ?? throw new InvalidOperationException("could not start dockerd");
        _pid = process.Id;
        var deadline = DateTime.UtcNow + StartLimit;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the private dockerd exited with {process.ExitCode}; last lines of {LogPath}:\n{Tail()}");
            try
            {
                Docker("version", "--format", "{{.Server.Version}}");
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"the private dockerd did not answer within {StartLimit.TotalSeconds} s: {ex.Message}\n{Tail()}", ex);
            }
        }
    }

    private void Stop()
    {
        if (_pid is not { } pid || !Alive(pid))
            return;
        Posix.Terminate(pid);
        var deadline = DateTime.UtcNow + StopLimit;
        while (Alive(pid) && DateTime.UtcNow < deadline)
            Thread.Sleep(200);
        if (Alive(pid))
            throw new InvalidOperationException($"the private dockerd (pid {pid}) did not stop within {StopLimit.TotalSeconds} s of SIGTERM\n{Tail()}");
        _pid = null;
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string Tail() => File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(20)) : "(no log)";

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            RemoveLeftovers();
            try
            {
                Run("ip", "netns", "delete", _namespace);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }

    /// <summary>
    /// What an engine that is not running any more cannot clean up (it failed to start again after a crash): its
    /// containers' shims and their processes, and its mounts. Without this a failed spec leaves them on the machine.
    /// </summary>
    private void RemoveLeftovers()
    {
        foreach (var proc in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)))
        {
            string cmdline;
            try
            {
                cmdline = File.ReadAllText($"/proc/{proc}/cmdline");
            }
            catch (IOException)
            {
                continue;
            }
            if (cmdline.Contains("containerd-shim", StringComparison.Ordinal) && cmdline.Contains(_root, StringComparison.Ordinal))
            {
                try
                {
                    Run("pkill", "-KILL", "-P", proc!);
                }
                catch (InvalidOperationException)
                {
                    // no children left
                }
                try
                {
                    Run("kill", "-KILL", proc!);
                }
                catch (InvalidOperationException)
                {
                    // gone meanwhile
                }
            }
        }
        var mounts = File.ReadLines("/proc/self/mounts").Select(l => l.Split(' ')[1]).Where(m => m.StartsWith(_root + "/", StringComparison.Ordinal));
        foreach (var mount in mounts.OrderByDescending(m => m.Length))
        {
            try
            {
                Run("umount", "-l", mount);
            }
            catch (InvalidOperationException)
            {
                // unmounted with its parent
            }
        }
    }

    private void InNamespace(params string[] args) => Run("ip", ["netns", "exec", _namespace, .. args]);

    private static string Run(string file, params string[] args) => Run(new Dictionary<string, string>(), file, args);

    private static string Run(IReadOnlyDictionary<string, string> environment, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not run {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        return output.Result.Trim();
    }
}
