using SweLancer.GraderNode.Ic;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.GraderNode.Patching;

public class PatchPolicySpec
{
    private static readonly IcTaskSpec Spec = new(["srv/app"], "/srv/app",
        HiddenTests: [new HiddenTestFile("test.sh", [1]), new HiddenTestFile("package.json", [1])]);

    private static string Diff(string oldPath, string newPath) =>
        $"--- {oldPath}\t2024-01-01 00:00:00\n+++ {newPath}\n@@ -1 +1 @@\n-a\n+b\n";

    [Fact]
    public void Parses_plain_and_git_style_headers_without_prefixes_and_timestamps()
    {
        var diff = "diff --git a/srv/app/x.js b/srv/app/x.js\nindex 1..2 100644\n" + Diff("a/srv/app/x.js", "b/srv/app/x.js")
                   + Diff("/dev/null", "b/srv/app/new.js") + Diff("a/srv/app/old.js", "/dev/null");
        var files = UnifiedDiffPaths.Parse(diff);
        Assert.Equal(
            [new PatchedFile("srv/app/x.js", "srv/app/x.js"), new PatchedFile(null, "srv/app/new.js"), new PatchedFile("srv/app/old.js", null)],
            files);
        Assert.True(files[2].IsDeletion);
    }

    [Fact]
    public void Allows_a_patch_inside_the_acceptable_folders()
    {
        var verdict = PatchPolicy.Check(Diff("a/srv/app/js/a.js", "b/srv/app/js/a.js") + Diff("a/srv/app/package.json", "b/srv/app/package.json"), Spec);
        Assert.True(verdict.Allowed, verdict.Reason);
        Assert.Equal(2, verdict.Files.Count);
    }

    [Theory]
    [InlineData("a/etc/passwd", "b/etc/passwd", "etc/passwd: outside the acceptable folders (srv/app)")]
    [InlineData("a/srv/application/x", "b/srv/application/x", "outside the acceptable folders")]
    [InlineData("a/hidden-tests/test.sh", "b/hidden-tests/test.sh", "hidden-tests/test.sh: touches the hidden tests")]
    [InlineData("a/srv/app/test.sh", "b/srv/app/test.sh", "srv/app/test.sh: touches a file named like the task's hidden tests")]
    [InlineData("a/srv/app/../../etc/x", "b/srv/app/../../etc/x", "path with '.' or '..' components")]
    [InlineData("a//etc/x", "b//etc/x", "absolute or malformed path")]
    [InlineData("/srv/app/x.js", "/srv/app/x.js", "lacks the a/ or b/ prefix")]
    [InlineData("srv/app/x.js", "srv/app/x.js", "lacks the a/ or b/ prefix")]
    public void Rejects_patches_that_leave_their_place(string oldPath, string newPath, string expected)
    {
        var verdict = PatchPolicy.Check(Diff("a/srv/app/ok.js", "b/srv/app/ok.js") + Diff(oldPath, newPath), Spec);
        Assert.False(verdict.Allowed);
        Assert.StartsWith("patch rejected: ", verdict.Reason);
        Assert.Contains(expected, verdict.Reason);
    }

    [Fact]
    public void A_new_file_outside_the_folders_is_rejected_too()
    {
        var verdict = PatchPolicy.Check(Diff("/dev/null", "b/usr/bin/evil"), Spec);
        Assert.False(verdict.Allowed);
        Assert.Contains("usr/bin/evil: outside the acceptable folders", verdict.Reason);
    }

    [Fact]
    public void Text_without_file_headers_is_rejected()
    {
        var verdict = PatchPolicy.Check("I could not fix it, sorry", Spec);
        Assert.False(verdict.Allowed);
        Assert.Contains("no file headers", verdict.Reason);
    }

    [Fact]
    public void Without_acceptable_folders_the_cwd_is_the_apps_folder_and_without_either_nothing_may_be_patched()
    {
        // An empty list used to allow any path but the hidden tests: usr/sbin/sh included.
        var withCwd = new IcTaskSpec([], "/usr/src/app/");
        Assert.True(PatchPolicy.Check(Diff("a/usr/src/app/x.c", "b/usr/src/app/x.c"), withCwd).Allowed);
        Assert.Contains("usr/sbin/sh: outside the acceptable folders (usr/src/app)", PatchPolicy.Check(Diff("/dev/null", "b/usr/sbin/sh"), withCwd).Reason);

        var neither = PatchPolicy.Check(Diff("a/usr/src/x.c", "b/usr/src/x.c"), new IcTaskSpec([], null));
        Assert.False(neither.Allowed);
        Assert.Contains("neither acceptable_folders nor a cwd", neither.Reason);
    }

    [Fact]
    public void The_approved_diff_is_the_parsed_sections_and_its_paths_are_every_name_they_touch()
    {
        var diff = "notes\n" + Diff("a/srv/app/x.js", "b/srv/app/x.js") +
                   "diff --git a/srv/app/old.js b/srv/app/new.js\nsimilarity index 100%\nrename from srv/app/old.js\nrename to srv/app/new.js\n";
        var verdict = PatchPolicy.Check(diff, Spec);
        Assert.True(verdict.Allowed, verdict.Reason);
        Assert.Equal(diff["notes\n".Length..], verdict.Diff);
        Assert.Equal(["srv/app/new.js", "srv/app/old.js", "srv/app/x.js"], verdict.Paths.Order());
    }

    [Fact]
    public void Workspace_roots_are_the_acceptable_folders_plus_outside_bug_patch_folders_without_nesting()
    {
        var roots = PatchedWorkspace.Roots(Spec,
            [new PatchedFile("srv/app/js/a.js", "srv/app/js/a.js"), new PatchedFile("etc/app/conf", "etc/app/conf"), new PatchedFile(null, "srv/app/js/pages/new.js")]);
        Assert.Equal(["etc/app", "srv/app"], roots.Order());
    }

    [Theory]
    [InlineData("gold.jsonl")]
    [InlineData("mixed.jsonl")]
    public void Every_sample_submission_patch_is_still_read_as_before(string file)
    {
        // The strict parser must not refuse honest diffs: only fa-302 (it edits the hidden test) is refused.
        var path = Path.Combine(SharedDataset.RepoRoot, "samples", "freelance-app", "submissions", file);
        var checkedPatches = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            if (!doc.RootElement.TryGetProperty("model_patch", out var patch))
                continue;
            var id = doc.RootElement.GetProperty("question_id").GetString();
            var verdict = PatchPolicy.Check(patch.GetString()!, Spec);
            Assert.True(verdict.Allowed == (id != "fa-302" || file == "gold.jsonl"), $"{file} {id}: {verdict.Reason}");
            if (verdict.Allowed)
                Assert.Equal(patch.GetString()!.TrimEnd('\n') + "\n", verdict.Diff);
            checkedPatches++;
        }
        Assert.True(checkedPatches >= 20, $"only {checkedPatches} patches in {file}");
    }
}
