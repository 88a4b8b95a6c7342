using System.Globalization;
using System.Text;
using SweLancer.Domain.Import;
using SweLancer.GraderNode.Browser;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>
/// Hole 9 of issue 10: in a container whose app runs as root, the model's code can rewrite whatever the tests rely on.
/// Here the health CGI rewrites the running hidden test of a task whose checks start after its first 1,024 bytes (as
/// a long test's do), and an unfixed app earns. The command and browser runners' containers run the app and its tests
/// as nobody (65534) by default, and install the app and the hidden tests owned by root, so the same patch fails.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class NonRootContainerSpec : IAsyncLifetime
{
    private readonly string _nodeId = "nonroot-spec-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _rootNodeId = "root-spec-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _artefacts = Directory.CreateTempSubdirectory("swelancer-artefacts-").FullName;
    private ContainerPool _pool = null!;
    private ContainerPool _rootPool = null!;
    private BrowserPool _browsers = null!;
    private TaskDefinition _longTest = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        SamplePool.EnsureImage();
        var task = TaskManifestReader.Read(SamplePool.TasksJson).Single(t => t.QuestionId == "fa-301");
        _longTest = task with { Ic = task.Ic! with { HiddenTests = [new HiddenTestFile("test.sh", WithChecksAfterTheFirstKiB(task), Executable: true)] } };
        _pool = await DockerFixture.StartPoolAsync(_nodeId);
        _rootPool = await DockerFixture.StartPoolAsync(_rootNodeId, user: ContainerLease.Root);
        _browsers = new BrowserPool([_pool.GradingSubnet]);
    }

    public async ValueTask DisposeAsync()
    {
        await _browsers.DisposeAsync();
        await _pool.DisposeAsync();
        await _rootPool.DisposeAsync();
        Assert.Empty(DockerFixture.ContainersOfNode(_nodeId));
        Assert.Empty(DockerFixture.ContainersOfNode(_rootNodeId));
        Directory.Delete(_artefacts, recursive: true);
    }

    /// <summary>fa-301's test with a comment after its health poll, so that its checks start at byte 1,024.</summary>
    private static byte[] WithChecksAfterTheFirstKiB(TaskDefinition task)
    {
        var text = Encoding.UTF8.GetString(task.Ic!.HiddenTests!.Single(f => f.RelativePath == "test.sh").Content);
        var poll = text.IndexOf("for i in", StringComparison.Ordinal);
        var split = text.IndexOf('\n', poll) + 1;
        var pad = "# " + new string('-', 1024 - split - 3) + "\n";
        var padded = text[..split] + pad + text[split..];
        Assert.Equal('\n', padded[1023]);
        return Encoding.UTF8.GetBytes(padded);
    }

    private Task<GradeDecision> GradeAsync(ContainerPool pool, string patch) =>
        new IcTaskRunner(pool, _browsers, _artefacts).GradeAsync(_longTest, new Submission("fa-301", 1, null, patch, null), new AttemptContext("nonroot-spec", 1), Ct);

    [Fact]
    public async Task The_attack_earns_when_the_app_runs_as_root()
    {
        var decision = await GradeAsync(_rootPool, HostilePatches.RewriteTheRunningHiddenTest);
        Assert.True(decision.Outcome == GradeOutcome.Passed, $"{decision.Outcome}: {decision.Reason}");
    }

    [Fact]
    public async Task As_the_default_user_the_rewrite_is_refused_and_the_unfixed_app_fails()
    {
        var decision = await GradeAsync(_pool, HostilePatches.RewriteTheRunningHiddenTest);
        Assert.True(decision.Outcome == GradeOutcome.Failed, $"{decision.Outcome}: {decision.Reason}");
        // A check after the first KiB ran and caught the bug (the trailing comma): the test was not rewritten.
        Assert.True(decision.Reason.Contains("FAIL: not a JSON array of objects"), decision.Reason);
        Assert.Equal(0m, decision.EarnedUsd);
    }

    [Fact]
    public async Task The_gold_patch_still_passes_as_the_default_user()
    {
        var decision = await GradeAsync(_pool, _longTest.Ic!.GoldPatch!);
        Assert.True(decision.Outcome == GradeOutcome.Passed, $"{decision.Outcome}: {decision.Reason}");
    }

    [Fact]
    public async Task The_containers_user_cannot_write_the_tools_the_tests_or_the_installed_app_only_scratch()
    {
        await using var lease = await _pool.LeaseAsync(_longTest.Ic!.Image!, "nonroot-spec", PatchedWorkspace.InstallFoldersOf(_longTest.Ic!), Ct);
        var staged = Directory.CreateTempSubdirectory("swelancer-nonroot-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(staged, "test.sh"), "echo hidden\n", Ct);
            await lease.CopyInAsync(staged, IcTaskSpec.HiddenTestsMount, Ct);
        }
        finally
        {
            Directory.Delete(staged, recursive: true);
        }
        await lease.ReleaseGateAsync(Ct);

        var tries = await lease.ExecAsync(["sh", "-c",
            "id -u; " +
            "echo x > /hidden-tests/test.sh 2>/dev/null && echo wrote-hidden-test; " +
            "rm -f /hidden-tests/test.sh 2>/dev/null && echo removed-hidden-test; " +
            "echo x > /usr/bin/wget 2>/dev/null && echo wrote-tool; " +
            "echo x > /srv/app/index.html 2>/dev/null && echo wrote-app; " +
            "echo x > /tmp/scratch && echo wrote-scratch; " +
            "ls -ln /hidden-tests/test.sh"], "/", Ct);

        var lines = tries.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("65534", lines[0]);
        Assert.DoesNotContain("wrote-hidden-test", tries.Stdout);
        Assert.DoesNotContain("removed-hidden-test", tries.Stdout);
        Assert.DoesNotContain("wrote-tool", tries.Stdout);
        Assert.DoesNotContain("wrote-app", tries.Stdout);
        Assert.Contains("wrote-scratch", tries.Stdout);
        Assert.Matches(@"^-\S+\s+\d+\s+0\s+0\s", lines[^1]); // owned by root:root
    }

    /// <summary>
    /// The user's one writable place on the container's own disk was /tmp: 320 MiB written there landed in the writable
    /// layer on the host's disk, caught only by the watch's next look. Now /tmp is a tmpfs of a bounded size (counted
    /// in the container's memory), so the write stops at it and nothing reaches the host's disk; /dev/shm is Docker's.
    /// </summary>
    [Fact]
    public async Task The_containers_user_fills_only_a_bounded_scratch_and_writes_nothing_to_the_hosts_disk()
    {
        await using var lease = await _pool.LeaseAsync(_longTest.Ic!.Image!, "nonroot-spec", Ct);
        await lease.ReleaseGateAsync(Ct);

        var fill = await lease.ExecAsync(["sh", "-c",
            "dd if=/dev/zero of=/tmp/fill bs=1M count=320 2>&1 | grep -q 'No space left' && echo tmp-full; " +
            "dd if=/dev/zero of=/dev/shm/fill bs=1M count=320 2>&1 | grep -q 'No space left' && echo shm-full; " +
            "df -k /tmp | tail -n 1"], "/", Ct);

        Assert.Contains("tmp-full", fill.Stdout);
        Assert.Contains("shm-full", fill.Stdout);
        var tmp = fill.Stdout.Split('\n').Last(l => l.Length > 0).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("/tmp", tmp[^1]);
        var sizeKiB = long.Parse(tmp[1], CultureInfo.InvariantCulture);
        Assert.InRange(sizeKiB, 1, ContainerPoolOptions.DefaultScratchBytes / 1024);
        var writableLayer = long.Parse(DockerFixture.Docker("container", "inspect", "--size", "--format", "{{.SizeRw}}", lease.Id), CultureInfo.InvariantCulture);
        Assert.True(writableLayer < 16L * 1024 * 1024, $"the container's writable layer holds {writableLayer} bytes after the fill:\n{fill.Output}");
    }
}
