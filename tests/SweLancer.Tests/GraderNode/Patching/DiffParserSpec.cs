using SweLancer.GraderNode.Patching;
using Xunit;

namespace SweLancer.Tests.GraderNode.Patching;

/// <summary>What the strict parser accepts: the diffs real tools and honest models write, read section by section.</summary>
public class DiffParserSpec
{
    private const string Hunk = "@@ -1,2 +1,2 @@\n context\n-old\n+new\n";

    [Fact]
    public void Reads_git_diffs_with_creations_deletions_renames_and_mode_changes()
    {
        var diff =
            "diff --git a/srv/app/x.js b/srv/app/x.js\nindex 83db48f..bf269f4 100644\n--- a/srv/app/x.js\n+++ b/srv/app/x.js\n" + Hunk +
            "diff --git a/srv/app/new.sh b/srv/app/new.sh\nnew file mode 100755\nindex 0000000..e69de29\n--- /dev/null\n+++ b/srv/app/new.sh\n@@ -0,0 +1 @@\n+echo hi\n" +
            "diff --git a/srv/app/empty b/srv/app/empty\nnew file mode 100644\nindex 0000000..e69de29\n" +
            "diff --git a/srv/app/gone.js b/srv/app/gone.js\ndeleted file mode 100644\nindex e69de29..0000000\n" +
            "diff --git a/srv/app/a.js b/srv/app/b.js\nsimilarity index 90%\nrename from srv/app/a.js\nrename to srv/app/b.js\nindex 1..2 100644\n--- a/srv/app/a.js\n+++ b/srv/app/b.js\n" + Hunk +
            "diff --git a/srv/app/run b/srv/app/run\nold mode 100644\nnew mode 100755\n";
        var parsed = DiffParser.Parse(diff);
        Assert.Equal(
            [
                new PatchedFile("srv/app/x.js", "srv/app/x.js"), new PatchedFile(null, "srv/app/new.sh"), new PatchedFile(null, "srv/app/empty"),
                new PatchedFile("srv/app/gone.js", null), new PatchedFile("srv/app/a.js", "srv/app/b.js"), new PatchedFile("srv/app/run", "srv/app/run"),
            ],
            parsed.Files);
        Assert.Equal([false, true, false, false, false, true], parsed.Sections.Select(s => s.MakesExecutable));
        Assert.Equal([1, 9, 16, 19, 22, 33], parsed.Sections.Select(s => s.Line));
        Assert.Equal(diff, parsed.PatchText);
    }

    [Fact]
    public void Reads_plain_diffs_with_timestamps_and_several_hunks()
    {
        var diff = "diff -ruN a/srv/app/x b/srv/app/x\n--- a/srv/app/x\t2024-01-01 00:00:00.000000000 +0000\n+++ b/srv/app/x 2024-01-02 00:00:00\n" +
                   Hunk + "@@ -10 +10 @@\n-a\n+b\n";
        var section = Assert.Single(DiffParser.Parse(diff).Sections);
        Assert.Equal(new PatchedFile("srv/app/x", "srv/app/x"), section.File);
        Assert.Equal(2, section.Line);
        Assert.Equal(diff[(diff.IndexOf('\n') + 1)..], DiffParser.Parse(diff).PatchText); // the `diff -ruN` line is not applied
    }

    [Fact]
    public void Hunk_lines_are_counted_so_header_like_lines_inside_a_hunk_stay_hunk_lines()
    {
        // Removing a SQL comment "-- x" and adding a line "++ y" give lines that look like file headers.
        var diff = "--- a/srv/app/q.sql\n+++ b/srv/app/q.sql\n@@ -1,3 +1,3 @@\n select 1;\n--- x\n+++ y\n\n";
        var section = Assert.Single(DiffParser.Parse(diff).Sections);
        Assert.Equal(new PatchedFile("srv/app/q.sql", "srv/app/q.sql"), section.File);
    }

    [Fact]
    public void Empty_context_lines_no_newline_markers_and_crlf_are_read()
    {
        var diff = "--- a/srv/app/x\r\n+++ b/srv/app/x\r\n@@ -1,3 +1,3 @@\r\n a\r\n\r\n-b\r\n+c\r\n\\ No newline at end of file\r\n";
        Assert.Equal(new PatchedFile("srv/app/x", "srv/app/x"), Assert.Single(DiffParser.Parse(diff).Sections).File);
    }

    [Fact]
    public void Quoted_names_are_unescaped_as_git_writes_them()
    {
        var diff = "diff --git \"a/srv/app/caf\\303\\251 x.txt\" \"b/srv/app/caf\\303\\251 x.txt\"\n--- \"a/srv/app/caf\\303\\251 x.txt\"\n+++ \"b/srv/app/caf\\303\\251 x.txt\"\n" + Hunk;
        Assert.Equal(new PatchedFile("srv/app/café x.txt", "srv/app/café x.txt"), Assert.Single(DiffParser.Parse(diff).Sections).File);
    }

    [Fact]
    public void A_format_patch_mail_and_prose_around_the_diff_are_dropped()
    {
        var diff = "From 1234 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] fix\n\nIt fixes the bug.\n---\n srv/app/x | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n" +
                   "diff --git a/srv/app/x b/srv/app/x\n--- a/srv/app/x\n+++ b/srv/app/x\n" + Hunk + "-- \n2.39.2\n";
        var parsed = DiffParser.Parse(diff);
        Assert.Equal(new PatchedFile("srv/app/x", "srv/app/x"), Assert.Single(parsed.Sections).File);
        Assert.Equal("diff --git a/srv/app/x b/srv/app/x\n--- a/srv/app/x\n+++ b/srv/app/x\n" + Hunk, parsed.PatchText);
    }

    [Theory]
    [InlineData("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n", 6, "a hunk line outside a hunk ('+c')")]
    [InlineData("--- a/x\n+++ b/x\n@@ -1,2 +1 @@\n-a\n+b\n+c\n", 6, "the hunk has more lines than its header says")]
    [InlineData("--- a/x\n+++ b/x\n@@ -1 +1 @ bad\n-a\n+b\n", 3, "malformed hunk header")]
    [InlineData("--- /dev/null\n+++ /dev/null\n@@ -0,0 +1 @@\n+a\n", 1, "both file headers name /dev/null")]
    [InlineData("diff --git a/x b/y\n--- a/x\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n", 1, "names two files (a/x, b/y) but the section is no rename")]
    [InlineData("diff --git a/x b/x\nnew file mode 100644\ndeleted file mode 100644\n", 1, "both creates and deletes")]
    [InlineData("diff --git a/x b/x\nnew file mode 100664\n", 2, "file mode '100664'")]
    [InlineData("diff --git a/x b/x\nnew file mode 040000\n", 2, "a directory")]
    [InlineData("diff --git a/x b/x\nindex zz..yy\n", 2, "unreadable git index line")]
    [InlineData("--- \"a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n", 1, "without its closing quote")]
    [InlineData("--- \"a/\\q\"\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n", 1, "unknown escape")]
    [InlineData("--- a/x/\n+++ b/x/\n@@ -1 +1 @@\n-a\n+b\n", 1, "absolute or malformed path")]
    [InlineData("--- \"a/x\\ty\"\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n", 1, "absolute or malformed path")]
    [InlineData("--- a/./x\n+++ b/./x\n@@ -1 +1 @@\n-a\n+b\n", 1, "'.' or '..'")]
    [InlineData("rename from x\n", 1, "a git 'rename from' line outside a 'diff --git' section")]
    [InlineData("@@ -1 +1 @@\n-a\n+b\n", 1, "a hunk header that follows no file headers")]
    [InlineData("\t1,2d0\n", 1, "an indented diff line: a normal diff or ed script command")]
    [InlineData("> b\n", 1, "a line of a normal diff or ed script")]
    // Found by the patch fuzz spec: dropping the fence would join the next section to the bare rename header before it.
    [InlineData("diff --git a/x b/y\nsimilarity index 90%\nrename from x\nrename to y\n```\n--- a/x\n+++ b/z\n@@ -1 +1 @@\n-a\n+b\n", 5, "text between a git header without hunks and the next section")]
    public void Refuses_malformed_sections_naming_the_line(string diff, int line, string problem)
    {
        var ex = Assert.Throws<DiffFormatException>(() => DiffParser.Parse(diff));
        Assert.Equal(line, ex.Line);
        Assert.Contains(problem, ex.Message);
    }
}
