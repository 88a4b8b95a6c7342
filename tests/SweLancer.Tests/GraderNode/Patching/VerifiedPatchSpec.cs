using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.Tests.GraderNode.Patching;

/// <summary>The belt and braces after GNU patch: only approved paths may change, and none may lead through a link.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class VerifiedPatchSpec : IDisposable
{
    private static readonly IcTaskSpec Spec = new(["srv/app"], "/srv/app");
    private readonly string _sandbox = Directory.CreateTempSubdirectory("swelancer-verified-").FullName;
    private readonly string _root;
    private readonly string _outside;

    public VerifiedPatchSpec()
    {
        _root = Path.Combine(_sandbox, "ws");
        _outside = Path.Combine(_sandbox, "outside");
        Directory.CreateDirectory(Path.Combine(_root, "srv", "app", "js"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_root, "srv", "app", "js", "a.js"), "one\ntwo\n");
        File.WriteAllText(Path.Combine(_root, "srv", "app", "old.txt"), "x\n");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PatchVerdict Approved(string diff)
    {
        var verdict = PatchPolicy.Check(diff, Spec);
        Assert.True(verdict.Allowed, verdict.Reason);
        return verdict;
    }

    [Fact]
    public async Task Creations_deletions_renames_and_new_folders_of_approved_paths_pass()
    {
        var verdict = Approved(
            "--- a/srv/app/js/a.js\n+++ b/srv/app/js/a.js\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n" +
            "diff --git a/srv/app/new/deep/b.sh b/srv/app/new/deep/b.sh\nnew file mode 100755\n--- /dev/null\n+++ b/srv/app/new/deep/b.sh\n@@ -0,0 +1 @@\n+echo\n" +
            "diff --git a/srv/app/old.txt b/srv/app/moved.txt\nsimilarity index 100%\nrename from srv/app/old.txt\nrename to srv/app/moved.txt\n");
        var applied = await VerifiedPatch.ApplyAsync(_root, verdict, new GnuPatch(), Ct);
        Assert.True(applied.Applied, applied.Output);
        Assert.Equal("one\nTWO\n", File.ReadAllText(Path.Combine(_root, "srv", "app", "js", "a.js")));
        Assert.True(File.Exists(Path.Combine(_root, "srv", "app", "moved.txt")));
        Assert.True((File.GetUnixFileMode(Path.Combine(_root, "srv", "app", "new", "deep", "b.sh")) & UnixFileMode.UserExecute) != 0);
    }

    [Fact]
    public async Task A_path_through_a_link_in_the_app_is_refused_before_patch_runs()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "srv", "app", "lib"), _outside);
        var verdict = Approved("--- /dev/null\n+++ b/srv/app/lib/pwned\n@@ -0,0 +1 @@\n+x\n");
        var ex = await Assert.ThrowsAsync<PatchRefusedException>(() => VerifiedPatch.ApplyAsync(_root, verdict, new GnuPatch(), Ct));
        Assert.Equal("patch rejected: srv/app/lib/pwned goes through the symbolic link srv/app/lib in the app", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside));
    }

    [Fact]
    public async Task A_change_the_policy_did_not_approve_is_refused_even_when_patch_made_it()
    {
        // Stands in for a GNU patch that reads the diff differently from the parser: it also plants usr/sbin/sh.
        var lying = Path.Combine(_sandbox, "lying-patch");
        File.WriteAllText(lying, """
            #!/bin/sh
            /usr/bin/patch "$@"; rc=$?
            dry=no; d=; prev=
            for a in "$@"; do [ "$prev" = "-d" ] && d=$a; [ "$a" = "--dry-run" ] && dry=yes; prev=$a; done
            if [ $dry = no ]; then mkdir -p "$d/usr/sbin" && printf '#!/bin/sh\nexit 0\n' > "$d/usr/sbin/sh" && chmod 755 "$d/usr/sbin/sh"; fi
            exit $rc
            """.Replace("\r", ""));
        File.SetUnixFileMode(lying, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var verdict = Approved("--- a/srv/app/js/a.js\n+++ b/srv/app/js/a.js\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n");

        var ex = await Assert.ThrowsAsync<PatchRefusedException>(() => VerifiedPatch.ApplyAsync(_root, verdict, new GnuPatch(lying), Ct));
        Assert.Equal("patch rejected: applying it changed usr, usr/sbin, usr/sbin/sh, which the policy did not approve", ex.Message);
    }

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);
}
