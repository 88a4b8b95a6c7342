using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.Tests.GraderNode.Patching;

/// <summary>
/// The fast path: a diff applied to a scratch copy of only the files it names, read back as a delta. It must decide as
/// the whole tree would, never lead through a link of the base tree, and hand back nothing but the named files.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PartialPatchSpec : IDisposable
{
    private static readonly IcTaskSpec Spec = new(["srv/app"], "/srv/app");
    private readonly string _sandbox = Directory.CreateTempSubdirectory("swelancer-partial-spec-").FullName;
    private readonly string _base;
    private readonly string _outside;

    public PartialPatchSpec()
    {
        _base = Path.Combine(_sandbox, "app");
        _outside = Path.Combine(_sandbox, "outside");
        Directory.CreateDirectory(Path.Combine(_base, "srv", "app", "js"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_base, "srv", "app", "js", "a.js"), "one\ntwo\n");
        File.WriteAllText(Path.Combine(_base, "srv", "app", "old.txt"), "x\n");
        File.WriteAllText(Path.Combine(_base, "srv", "app", "other.txt"), "untouched\n");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PatchVerdict Approved(string diff)
    {
        var verdict = PatchPolicy.Check(diff, Spec);
        Assert.True(verdict.Allowed, verdict.Reason);
        return verdict;
    }

    private Task<(PatchApplication Applied, FileDelta Delta)> ApplyAsync(PatchVerdict verdict, FileDelta? below = null) =>
        PartialPatch.ApplyAsync(_base, below ?? FileDelta.Empty, verdict.Paths, scratch => VerifiedPatch.ApplyAsync(scratch, verdict, new GnuPatch(), Ct));

    [Fact]
    public async Task The_delta_holds_the_named_files_as_patch_left_them_and_the_base_is_not_touched()
    {
        var verdict = Approved(
            "--- a/srv/app/js/a.js\n+++ b/srv/app/js/a.js\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n" +
            "diff --git a/srv/app/new/deep/b.sh b/srv/app/new/deep/b.sh\nnew file mode 100755\n--- /dev/null\n+++ b/srv/app/new/deep/b.sh\n@@ -0,0 +1 @@\n+echo\n" +
            "diff --git a/srv/app/old.txt b/srv/app/old.txt\ndeleted file mode 100644\n--- a/srv/app/old.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n");
        var (applied, delta) = await ApplyAsync(verdict);
        Assert.True(applied.Applied, applied.Output);
        Assert.Equal(["srv/app/js/a.js", "srv/app/new/deep/b.sh"], delta.Written.Select(w => w.Key));
        Assert.Equal("one\nTWO\n", System.Text.Encoding.UTF8.GetString(delta.Written.First().Value.Content));
        Assert.True((delta.Written.Last().Value.Mode & UnixFileMode.UserExecute) != 0);
        Assert.Equal(["srv/app/old.txt"], delta.Removed);
        Assert.Equal("one\ntwo\n", File.ReadAllText(Path.Combine(_base, "srv", "app", "js", "a.js")));
        Assert.True(File.Exists(Path.Combine(_base, "srv", "app", "old.txt")));
    }

    [Fact]
    public async Task A_file_an_earlier_delta_changed_is_patched_as_that_delta_left_it()
    {
        var below = new FileDelta();
        below.Write("srv/app/js/a.js", new DeltaFile("one\nbug\n"u8.ToArray(), ContainerArchive.FileMode));
        var (applied, delta) = await ApplyAsync(Approved("--- a/srv/app/js/a.js\n+++ b/srv/app/js/a.js\n@@ -1,2 +1,2 @@\n one\n-bug\n+fixed\n"), below);
        Assert.True(applied.Applied, applied.Output);
        Assert.Equal("one\nfixed\n", System.Text.Encoding.UTF8.GetString(delta.Written.Single().Value.Content));
    }

    [Fact]
    public async Task A_path_through_a_link_of_the_base_tree_is_refused_and_nothing_is_written_through_it()
    {
        File.CreateSymbolicLink(Path.Combine(_base, "srv", "app", "lib"), _outside);
        var verdict = Approved("--- /dev/null\n+++ b/srv/app/lib/pwned\n@@ -0,0 +1 @@\n+x\n");
        var ex = await Assert.ThrowsAsync<PatchRefusedException>(() => ApplyAsync(verdict));
        Assert.Equal("patch rejected: srv/app/lib/pwned goes through the symbolic link srv/app/lib in the app", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside));
    }

    [Fact]
    public async Task A_link_as_the_named_file_itself_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_base, "srv", "app", "js", "b.js"), Path.Combine(_outside, "target"));
        var verdict = Approved("--- a/srv/app/js/b.js\n+++ b/srv/app/js/b.js\n@@ -1 +1 @@\n-a\n+b\n");
        await Assert.ThrowsAsync<PatchRefusedException>(() => ApplyAsync(verdict));
    }

    [Fact]
    public async Task A_patch_that_does_not_apply_gives_no_delta()
    {
        var (applied, delta) = await ApplyAsync(Approved("--- a/srv/app/js/a.js\n+++ b/srv/app/js/a.js\n@@ -1,2 +1,2 @@\n nope\n-nothing\n+x\n"));
        Assert.False(applied.Applied);
        Assert.Empty(delta.Written);
        Assert.Empty(delta.Removed);
    }

    [Theory]
    [InlineData("srv/../etc/passwd")]
    [InlineData("srv/./app")]
    [InlineData("srv//app")]
    [InlineData("/")]
    public void The_archive_takes_only_clean_relative_paths(string path) =>
        Assert.Throws<ArgumentException>(() => new ContainerArchive().File(path, []));

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);
}
