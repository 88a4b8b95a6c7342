using System.Diagnostics;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.IntegrationTests.Containers;

/// <summary>The pool's containers on the real engine: limits hold, nothing gets out, nothing is left behind.</summary>
[Trait("Needs", "Docker")]
[Trait("Needs", "Chromium")]
public sealed class ContainerLimitsSpec : IAsyncLifetime
{
    private readonly string _nodeId = "limits-spec-" + Guid.NewGuid().ToString("N")[..8];
    private ContainerPool _pool = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        DockerFixture.EnsureProbeImage();
        _pool = await DockerFixture.StartPoolAsync(_nodeId);
    }

    public async ValueTask DisposeAsync()
    {
        await _pool.DisposeAsync();
        // (e) nothing of this node survives the pool.
        Assert.Empty(DockerFixture.ContainersOfNode(_nodeId));
    }

    private async Task<ContainerLease> LeaseAsync() => await _pool.LeaseAsync(DockerFixture.ProbeImage, "limits-spec", Ct);

    private static string CgroupFile(string controller, string containerId, string file) =>
        File.ReadAllText($"/sys/fs/cgroup/{controller}/docker/{containerId}/{file}");

    [Fact]
    public async Task Containers_get_the_limits_and_labels()
    {
        await using var lease = await LeaseAsync();
        var inspected = await lease.InspectAsync(Ct);
        Assert.Equal(512L * 1024 * 1024, inspected.HostConfig.Memory);
        Assert.Equal(512L * 1024 * 1024, inspected.HostConfig.MemorySwap);
        Assert.Equal(1_000_000_000L, inspected.HostConfig.NanoCPUs);
        Assert.Equal(128L, inspected.HostConfig.PidsLimit);
        Assert.Equal(_pool.Options.NetworkName, inspected.HostConfig.NetworkMode);
        Assert.Equal("swelancer", inspected.Config.Labels[ContainerLabels.Owner]);
        Assert.Equal(_nodeId, inspected.Config.Labels[ContainerLabels.Node]);
        Assert.Equal("limits-spec", inspected.Config.Labels[ContainerLabels.Sweep]);
    }

    [Fact]
    public async Task A_hanging_test_command_is_cut_at_its_timeout_and_is_the_models_failure()
    {
        var runner = new IcTaskRunner(_pool, new BrowserPool([_pool.GradingSubnet]), Path.GetTempPath());
        var task = new TaskDefinition("hang", TaskVariants.IcSwe, 100m, null, null,
            new IcTaskSpec(["srv"], "/", DockerFixture.ProbeImage, Runner: IcRunnerKinds.Command, TimeoutSeconds: 3, TestCommand: ["sh", "-c", "sleep 600"]));
        var patch = "--- /dev/null\n+++ b/srv/x.txt\n@@ -0,0 +1 @@\n+x\n";

        var clock = Stopwatch.StartNew();
        var decision = await runner.GradeAsync(task, new Submission("hang", 1, null, patch, null), new AttemptContext("limits-spec", 1), Ct);

        Assert.Equal(GradeOutcome.Failed, decision.Outcome);
        Assert.StartsWith("timed out after 3s", decision.Reason);
        // Far below the command's 600 s, and far above the container's start and removal on a busy engine.
        Assert.InRange(clock.Elapsed.TotalSeconds, 3, 120);
    }

    [Fact]
    public async Task A_command_task_s_container_has_no_network_but_loopback()
    {
        // The attack on the grading network first: a container there has an interface besides loopback.
        await using (var networked = await LeaseAsync())
        {
            var interfaces = await networked.ExecAsync(["ls", "/sys/class/net"], "/", Ct);
            Assert.Contains("eth0", interfaces.Stdout);
        }
        // A command task's tests (the model's code with them) run in a container with nothing but loopback: a test that
        // passes only when it finds another interface fails.
        var runner = new IcTaskRunner(_pool, new BrowserPool([_pool.GradingSubnet]), Path.GetTempPath());
        var task = new TaskDefinition("net", TaskVariants.IcSwe, 100m, null, null,
            new IcTaskSpec(["srv"], "/", DockerFixture.ProbeImage, Runner: IcRunnerKinds.Command, TimeoutSeconds: 30,
                TestCommand: ["sh", "-c", "ls /sys/class/net; ls /sys/class/net | grep -vx lo"]));
        var patch = "--- /dev/null\n+++ b/srv/x.txt\n@@ -0,0 +1 @@\n+x\n";

        var decision = await runner.GradeAsync(task, new Submission("net", 1, null, patch, null), new AttemptContext("limits-spec", 1), Ct);

        Assert.True(decision.Outcome == GradeOutcome.Failed, $"{decision.Outcome}: {decision.Reason}");
        Assert.EndsWith("lo", decision.Reason.TrimEnd());
    }

    [Fact]
    public async Task A_fork_bomb_is_held_by_the_pids_limit()
    {
        await using var lease = await LeaseAsync();
        // As in grading, the model's code runs after the gate: until then PID 1 forks a sleep every 0.1 s, and at the
        // pids limit that fork fails, the shell exits and the whole container (and its cgroup) is gone.
        await lease.ReleaseGateAsync(Ct);
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // exec, not a fork: at the pids limit the shell could not fork sleep, and the command ended before it was cut.
        var bomb = lease.ExecAsync(["sh", "-c", "b() { b | b & }; b; exec sleep 300"], "/", cut.Token);
        // Until the bomb reaches the limit ("max N": forks refused there), however slowly a busy engine starts the exec.
        var events = CgroupFile("pids", lease.Id, "pids.events");
        for (var deadline = DateTime.UtcNow.AddSeconds(60); long.Parse(events.Split(' ')[1]) == 0 && DateTime.UtcNow < deadline; )
        {
            await Task.Delay(200, Ct);
            events = CgroupFile("pids", lease.Id, "pids.events");
        }

        var current = long.Parse(CgroupFile("pids", lease.Id, "pids.current"));
        Assert.InRange(current, 1, 128);
        Assert.True(long.Parse(events.Split(' ')[1]) > 0, $"pids.events: {events}");
        await cut.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bomb);
    }

    [Fact]
    public async Task A_memory_hog_is_killed_by_the_memory_limit()
    {
        await using var lease = await LeaseAsync();
        var result = await lease.ExecAsync(["sh", "-c", "x=aaaaaaaaaaaaaaaa; while :; do x=\"$x$x\"; done"], "/", Ct);

        Assert.Equal(137, result.ExitCode); // SIGKILL from the kernel's OOM killer
        var oom = CgroupFile("memory", lease.Id, "memory.oom_control");
        Assert.Contains("oom_kill 1", oom); // killed by the container's memory cgroup, not by anything else
    }

    [Fact]
    public async Task Nothing_gets_out_but_the_host_reaches_the_container()
    {
        await using var lease = await LeaseAsync();

        var tcp = await lease.ExecAsync(["nc", "-w", "3", "1.1.1.1", "80"], "/", Ct);
        var http = await lease.ExecAsync(["wget", "-T", "3", "-q", "-O", "-", "http://1.1.1.1/"], "/", Ct);
        var dns = await lease.ExecAsync(["nslookup", "example.com"], "/", Ct);
        Assert.NotEqual(0, tcp.ExitCode);
        Assert.NotEqual(0, http.ExitCode);
        Assert.NotEqual(0, dns.ExitCode);
        Assert.DoesNotContain("Address: ", dns.Stdout.Split("Name:").Skip(1).FirstOrDefault() ?? "");

        // The node itself talks to the app over the internal network.
        var serve = await lease.ExecAsync(["sh", "-c", "mkdir -p /tmp/www && echo hello > /tmp/www/index.html && httpd -p 8080 -h /tmp/www"], "/", Ct);
        Assert.Equal(0, serve.ExitCode);
        using var http2 = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Assert.Equal("hello\n", await http2.GetStringAsync($"http://{lease.IpAddress}:8080/index.html", Ct));
    }

    [Fact]
    public async Task Orphans_of_this_node_are_removed_at_start_up_and_used_containers_are_destroyed()
    {
        DockerFixture.Docker("run", "-d", "--label", $"{ContainerLabels.Owner}={ContainerLabels.OwnerValue}", "--label", $"{ContainerLabels.Node}={_nodeId}",
            "--network", "none", DockerFixture.ProbeImage, "sleep", "300");
        Assert.Single(DockerFixture.ContainersOfNode(_nodeId));

        await using (var restarted = await DockerFixture.StartPoolAsync(_nodeId))
        {
            Assert.Empty(DockerFixture.ContainersOfNode(_nodeId));
            var lease = await restarted.LeaseAsync(DockerFixture.ProbeImage, "limits-spec", Ct);
            Assert.Single(DockerFixture.ContainersOfNode(_nodeId));
            await lease.DisposeAsync();
            Assert.Empty(DockerFixture.ContainersOfNode(_nodeId));
        }
    }

    [Fact]
    public async Task Pre_warmed_containers_are_handed_out_and_slots_are_respected()
    {
        _pool.Prewarm(DockerFixture.ProbeImage, "limits-spec", 2);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DockerFixture.ContainersOfNode(_nodeId).Length < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(100, Ct);
        var warm = DockerFixture.ContainersOfNode(_nodeId).ToHashSet();
        Assert.Equal(2, warm.Count);

        await using var a = await LeaseAsync();
        await using var b = await LeaseAsync();
        Assert.Contains(a.Id[..12], warm);
        Assert.Contains(b.Id[..12], warm);

        // Both slots are taken: a third lease waits until one is returned.
        var third = LeaseAsync();
        await Task.Delay(1000, Ct);
        Assert.False(third.IsCompleted);
        await a.DisposeAsync();
        await using var c = await third.WaitAsync(TimeSpan.FromSeconds(120), Ct);
        Assert.Equal(2, DockerFixture.ContainersOfNode(_nodeId).Length);
    }

    [Fact]
    public async Task A_missing_image_is_a_system_error_naming_it()
    {
        var ex = await Assert.ThrowsAsync<InfrastructureException>(() => _pool.LeaseAsync("swelancer/swelancer_x86_nope:releasev1", "limits-spec", Ct));
        Assert.StartsWith("image swelancer/swelancer_x86_nope:releasev1 is not available: ", ex.Message);
        Assert.False(ex.Retryable);
    }

    [Fact]
    public async Task An_unreachable_engine_is_reported_clearly()
    {
        var ex = await Assert.ThrowsAsync<InfrastructureException>(() =>
            ContainerPool.StartAsync(new Uri("unix:///tmp/no-such-docker.sock"), ContainerPoolOptions.For("nowhere", 1), Ct));
        Assert.StartsWith("the Docker engine at unix:///tmp/no-such-docker.sock is not usable: ", ex.Message);
        Assert.True(ex.Retryable);
    }
}
