using SweLancer.Domain.Import;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Ic;
using SweLancer.GraderNode.Patching;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>
/// Hole 9 of issue 10, the read-only root: the pool's containers (user not root) get a read-only root filesystem, and
/// each folder the harness installs into (the app's folders, the hidden tests) a volume of its own, removed with the
/// container. Nothing on the root filesystem can be changed, not even by root; what the harness installs is not writable
/// by the container's user, even where the image left a folder open to all.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class ReadOnlyRootSpec : IAsyncLifetime
{
    private readonly string _nodeId = "readonly-spec-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _openImage = "swelancer-it/open-app-" + Guid.NewGuid().ToString("N")[..8] + ":1";
    private ContainerPool _pool = null!;
    private TaskDefinition _task = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        SamplePool.EnsureImage();
        _task = TaskManifestReader.Read(SamplePool.TasksJson).Single(t => t.QuestionId == "fa-301");
        _pool = await DockerFixture.StartPoolAsync(_nodeId);
    }

    public async ValueTask DisposeAsync()
    {
        await _pool.DisposeAsync();
        Assert.Empty(DockerFixture.ContainersOfNode(_nodeId));
        try
        {
            DockerFixture.Docker("image", "rm", "-f", _openImage);
        }
        catch (InvalidOperationException)
        {
            // made only by the test that needs it
        }
    }

    private InstallFolders Folders => PatchedWorkspace.InstallFoldersOf(_task.Ic!);

    [Fact]
    public async Task The_root_filesystem_refuses_every_write_and_files_go_only_into_the_install_folders_which_go_with_the_container()
    {
        Assert.Equal(["/hidden-tests", "/srv/app"], Folders.Paths);
        var lease = await _pool.LeaseAsync(_task.Ic!.Image!, "readonly-spec", Folders, Ct);
        string[] volumes;
        try
        {
            Assert.True(lease.ReadOnlyRoot);
            var asRoot = await lease.RunStepAsync("trying the root filesystem", ["/bin/sh", "-c",
                "touch /usr/bin/planted 2>&1; touch /etc/planted 2>&1; mkdir /planted 2>&1; touch /srv/app/by-root && echo app-takes-root-writes"],
                "/", Ct, ContainerLease.Root);
            Assert.Equal(3, asRoot.Stdout.Split('\n').Count(l => l.Contains("Read-only file system")));
            Assert.Contains("app-takes-root-writes", asRoot.Stdout); // a volume: the harness's own steps may write it

            await lease.ReleaseGateAsync(Ct);
            var asUser = await lease.ExecAsync(["sh", "-c",
                "for f in /usr/bin/planted /var/tmp/planted /srv/app/planted /hidden-tests/planted /planted; do touch $f 2>/dev/null && echo wrote $f; done; " +
                "touch /tmp/scratch && echo wrote-scratch"], "/", Ct);
            Assert.Equal("wrote-scratch", asUser.Stdout.Trim());

            var staged = Directory.CreateTempSubdirectory("swelancer-readonly-").FullName;
            try
            {
                await File.WriteAllTextAsync(Path.Combine(staged, "planted"), "x", Ct);
                var refused = await Assert.ThrowsAnyAsync<Exception>(() => lease.CopyInAsync(staged, "/etc", Ct));
                // The engine answers that the root is read-only; or, refusing before it has read the whole upload, it
                // closes the connection, which the client reports as a failed request. Either way nothing lands.
                Assert.True(refused.ToString().Contains("read-only", StringComparison.OrdinalIgnoreCase) || refused is HttpRequestException,
                    refused.ToString());
                Assert.Equal("absent", (await lease.ExecAsync(["sh", "-c", "test -e /etc/planted && echo planted || echo absent"], "/", Ct)).Stdout.Trim());
                await lease.CopyInAsync(staged, "/hidden-tests", Ct);
            }
            finally
            {
                Directory.Delete(staged, recursive: true);
            }
            Assert.Equal("x", (await lease.ExecAsync(["cat", "/hidden-tests/planted"], "/", Ct)).Stdout);

            volumes = DockerFixture.Docker("container", "inspect", "--format", "{{range .Mounts}}{{.Type}}:{{.Name}} {{end}}", lease.Id)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, volumes.Length);
            Assert.All(volumes, v => Assert.StartsWith("volume:", v));
        }
        finally
        {
            await lease.DisposeAsync();
        }
        foreach (var volume in volumes)
            Assert.Equal("", DockerFixture.Docker("volume", "ls", "-q", "--filter", "name=^" + volume["volume:".Length..] + "$"));
    }

    /// <summary>An image of the sample's, changed by <paramref name="script"/> run as root; removed with the spec.</summary>
    private string ImageChangedBy(string script)
    {
        var maker = "open-app-maker-" + Guid.NewGuid().ToString("N")[..8];
        DockerFixture.Docker("run", "--name", maker, "--user", "0", "--entrypoint", "/bin/sh", _task.Ic!.Image!, "-c", script);
        DockerFixture.Docker("commit", maker, _openImage);
        DockerFixture.Docker("rm", maker);
        return _openImage;
    }

    private async Task<ContainerLease> InstalledAsync(IcTaskSpec spec)
    {
        var verdict = PatchPolicy.Check(spec.GoldPatch!, spec);
        Assert.True(verdict.Allowed, verdict.Reason);
        var lease = await _pool.LeaseAsync(spec.Image!, "readonly-spec", PatchedWorkspace.InstallFoldersOf(spec), Ct);
        try
        {
            using (var workspace = await PatchedWorkspace.PrepareAsync(lease, spec, verdict, new GnuPatch(), Ct))
                await workspace.InstallAsync(lease, Ct);
            return lease;
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The image leaves its app folder, an uploads folder in it and /hidden-tests writable by all. Run as the image made
    /// it, the container's user writes there; in a volume the disk watch does not measure, that would be a write without
    /// bound, and in /hidden-tests a file planted before the tests arrive. Installed by the harness, all are closed: the
    /// archive keeps no write bit for group or others, and each installed folder's own owner and mode, which the archive
    /// does not carry, are set by the harness's preparing step.
    /// </summary>
    [Fact]
    public async Task Folders_the_image_leaves_open_to_all_are_closed_before_the_models_code_runs()
    {
        var image = ImageChangedBy("mkdir -p /srv/app/uploads /hidden-tests && chmod 777 /srv/app /srv/app/uploads /hidden-tests");
        var opened = DockerFixture.Docker("run", "--rm", "--user", ContainerPoolOptions.DefaultUser, "--entrypoint", "/bin/sh", image, "-c",
            "touch /srv/app/planted && touch /srv/app/uploads/planted && touch /hidden-tests/planted && echo all-written");
        Assert.Equal("all-written", opened); // the opening the image gives

        await using var lease = await InstalledAsync(_task.Ic! with { Image = image });
        await lease.ReleaseGateAsync(Ct);

        var tries = await lease.ExecAsync(["sh", "-c",
            "for f in /srv/app/planted /srv/app/uploads/planted /hidden-tests/planted; do touch $f 2>/dev/null && echo wrote $f; done; " +
            "ls -ldn /srv/app /srv/app/uploads /hidden-tests"], "/", Ct);
        Assert.DoesNotContain("wrote", tries.Stdout);
        var modes = tries.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(modes.Length == 3, tries.Output);
        Assert.All(modes, line => Assert.Matches(@"^drwxr-xr-x\s+\S+\s+0\s+0\s", line));
    }

    /// <summary>
    /// An image that gives its app folder to a user of its own (as node images give /app to node): root without
    /// capabilities cannot take it back, so the attempt is a system error that says what to change, never a pass or a
    /// failure, and the user gets no unmeasured place to write.
    /// </summary>
    [Fact]
    public async Task An_app_folder_the_image_gives_to_another_user_is_a_clear_system_error()
    {
        var image = ImageChangedBy("chown 1000:1000 /srv/app");
        var refused = await Assert.ThrowsAsync<InfrastructureException>(() => InstalledAsync(_task.Ic! with { Image = image }));
        Assert.False(refused.Retryable);
        Assert.Contains("--container-user 0", refused.Message);
        Assert.Contains("/srv/app", refused.Message);
    }
}
