using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.GraderNode.Patching;

/// <summary>
/// Diffs that GNU patch applies but the policy used not to read (issue 10, hole 1). Each is refused as the model's
/// failure, with a reason naming the line of the section the policy does not accept.
/// </summary>
public class PatchPolicyBypassSpec
{
    private static readonly IcTaskSpec Spec = new(["srv/app"], "/srv/app", HiddenTests: [new HiddenTestFile("test.sh", [1])]);

    private const string Change = "@@ -1 +1 @@\n-a\n+b\n";

    public static TheoryData<string, string, int, string> Attacks => new()
    {
        { "the issue's attack: a context-format section creating an executable usr/sbin/sh", HostilePatches.ShadowShellByContextHunk, 9, "context-format" },
        { "a git copy to usr/sbin/sh", HostilePatches.ShadowShellByCopy, 9, "copy" },
        { "a context-format section writing into hidden-tests/", HostilePatches.HiddenTestsByContextHunk, 9, "context-format" },
        { "a normal diff", "1c1\n< a\n---\n> b\n", 1, "normal diff or ed" },
        { "a normal diff aimed by Index:", "Index: usr/bin/tr\n1c1\n< a\n---\n> b\n", 1, "Index:" },
        { "an ed script after a good section", HostilePatches.CommentChange + "1a\nevil\n.\n", 7, "normal diff or ed" },
        { "an indented diff", "  --- a/usr/bin/tr\n  +++ b/usr/bin/tr\n  " + Change.Replace("\n-", "\n  -").Replace("\n+", "\n  +"), 1, "indented" },
        { "Index: naming another file", "Index: usr/bin/tr\n--- a/srv/app/x\n+++ b/srv/app/x\n" + Change, 1, "Index:" },
        { "Prereq:", "Prereq: 1.0\n" + HostilePatches.CommentChange, 1, "Prereq:" },
        { "a symlink", "diff --git a/srv/app/l b/srv/app/l\nnew file mode 120000\n--- /dev/null\n+++ b/srv/app/l\n@@ -0,0 +1 @@\n+/hidden-tests\n\\ No newline at end of file\n", 2, "symbolic link" },
        { "a mode change to a symlink", "diff --git a/srv/app/l b/srv/app/l\nold mode 100644\nnew mode 120000\n", 3, "symbolic link" },
        { "a submodule", "diff --git a/srv/app/m b/srv/app/m\nnew file mode 160000\nindex 0000000..1234567\n--- /dev/null\n+++ b/srv/app/m\n@@ -0,0 +1 @@\n+Subproject commit 1234567\n", 2, "submodule" },
        { "a git binary patch", "diff --git a/srv/app/x.png b/srv/app/x.png\nindex 1234567..89abcde 100644\nGIT binary patch\nliteral 3\nKcmZ?wbhEK|\n\n", 3, "binary" },
        { "a binary files line", "diff --git a/srv/app/x.png b/srv/app/x.png\nindex 1234567..89abcde 100644\nBinary files a/srv/app/x.png and b/srv/app/x.png differ\n", 3, "binary" },
        { "a rename whose lines disagree with its git header", "diff --git a/srv/app/f b/usr/sbin/sh\nsimilarity index 100%\nrename from srv/app/f\nrename to srv/app/g\n", 4, "does not match" },
        { "a git header whose names disagree with ---/+++", "diff --git a/usr/sbin/sh b/usr/sbin/sh\n--- a/srv/app/x\n+++ b/srv/app/x\n" + Change, 2, "does not match" },
        { "a header line smuggled after a hunk", HostilePatches.CommentChange + "+++ b/usr/sbin/sh\n", 7, "outside a hunk" },
        { "a hunk longer than its header says", HostilePatches.CommentChange + "+extra line\n", 7, "outside a hunk" },
        { "a hunk shorter than its header says", "--- a/srv/app/x\n+++ b/srv/app/x\n@@ -1,3 +1,3 @@\n-a\n+b\n", 3, "ends before" },
        { "a hunk body line of another kind", "--- a/srv/app/x\n+++ b/srv/app/x\n@@ -1,2 +1,2 @@\n-a\n+b\n*** x\n", 6, "inside a hunk" },
        { "file headers without a hunk", "--- a/srv/app/x\n+++ b/srv/app/x\n", 1, "no hunk" },
        { "a quoted name escaping the root", "--- \"a/srv/app/\\056\\056/\\056\\056/usr/sbin/sh\"\n+++ \"b/srv/app/\\056\\056/\\056\\056/usr/sbin/sh\"\n" + Change, 1, "'..'" },
        { "a lone --- line (a context diff's new-file header)", HostilePatches.CommentChange + "--- b/usr/sbin/sh\n", 7, "---" },
        { "stars of a context hunk", HostilePatches.CommentChange + "***************\n", 7, "context-format" },
        { "a git header with a third name", "diff --git a/srv/app/x b/srv/app/x b/usr/sbin/sh\n--- a/srv/app/x\n+++ b/srv/app/x\n" + Change, 1, "diff --git" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Is_refused_naming_the_line(string attack, string diff, int line, string keyword)
    {
        var verdict = PatchPolicy.Check(diff, Spec);
        Assert.False(verdict.Allowed, $"{attack} was allowed");
        Assert.StartsWith($"patch rejected: line {line}: ", verdict.Reason);
        Assert.Contains(keyword, verdict.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Prose_around_a_diff_that_patch_cannot_interpret_is_dropped_not_applied()
    {
        var diff = "Here is my fix:\n```diff\n" + HostilePatches.CommentChange + "```\nThanks!\n";
        var verdict = PatchPolicy.Check(diff, Spec);
        Assert.True(verdict.Allowed, verdict.Reason);
        Assert.Equal(HostilePatches.CommentChange, verdict.Diff);
    }
}
