using SweLancer.GraderNode.Patching;
using Xunit;

namespace SweLancer.Tests.GraderNode.Patching;

/// <summary>Runs the host's GNU patch (Debian's `patch` package) on a scratch folder.</summary>
public class GnuPatchSpec : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("swelancer-patch-spec-").FullName;

    public GnuPatchSpec()
    {
        Directory.CreateDirectory(Path.Combine(_root, "srv", "app"));
        File.WriteAllText(Path.Combine(_root, "srv", "app", "f.txt"), "one\ntwo\nthree\nfour\nfive\nsix\nseven\n");
    }

    private string Content => File.ReadAllText(Path.Combine(_root, "srv", "app", "f.txt"));

    [Fact]
    public async Task Applies_an_exact_patch_without_fuzz()
    {
        var result = await new GnuPatch().ApplyAsync(_root,
            "--- a/srv/app/f.txt\n+++ b/srv/app/f.txt\n@@ -3,3 +3,3 @@\n three\n-four\n+FOUR\n five\n", TestContext.Current.CancellationToken);
        Assert.True(result.Applied, result.Output);
        Assert.False(result.NeededFuzz);
        Assert.Contains("FOUR", Content);
    }

    [Fact]
    public async Task Falls_back_to_fuzz_when_the_context_drifted()
    {
        // The outer context lines differ from the file ("THREE", "FIVE"); only fuzz lets it in.
        var result = await new GnuPatch().ApplyAsync(_root,
            "--- a/srv/app/f.txt\n+++ b/srv/app/f.txt\n@@ -2,5 +2,5 @@\n two\n THREE\n-four\n+FOUR\n FIVE\n six\n", TestContext.Current.CancellationToken);
        Assert.True(result.Applied, result.Output);
        Assert.True(result.NeededFuzz);
        Assert.Contains("FOUR", Content);
    }

    [Fact]
    public async Task A_patch_that_does_not_apply_leaves_the_files_untouched_and_says_why()
    {
        var before = Content;
        var result = await new GnuPatch().ApplyAsync(_root,
            "--- a/srv/app/f.txt\n+++ b/srv/app/f.txt\n@@ -1,2 +1,2 @@\n-one\n+ONE\n two\n@@ -5,3 +5,3 @@\n five\n-nothing-like-this\n+x\n seven\n", TestContext.Current.CancellationToken);
        Assert.False(result.Applied);
        Assert.Contains("FAILED", result.Output);
        Assert.Equal(before, Content); // the first hunk would have applied: the dry run kept it out
    }

    [Fact]
    public async Task An_already_applied_patch_is_not_reversed()
    {
        var patch = "--- a/srv/app/f.txt\n+++ b/srv/app/f.txt\n@@ -3,3 +3,3 @@\n three\n-four\n+FOUR\n five\n";
        Assert.True((await new GnuPatch().ApplyAsync(_root, patch, TestContext.Current.CancellationToken)).Applied);
        var again = await new GnuPatch().ApplyAsync(_root, patch, TestContext.Current.CancellationToken);
        Assert.False(again.Applied);
        Assert.Contains("FOUR", Content);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
