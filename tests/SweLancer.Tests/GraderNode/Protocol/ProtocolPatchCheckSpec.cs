using SweLancer.GraderNode.Protocol;
using Xunit;

namespace SweLancer.Tests.GraderNode.Protocol;

public sealed class ProtocolPatchCheckSpec
{
    [Fact]
    public void A_git_diff_inside_the_app_is_accepted() =>
        Assert.Null(ProtocolPatchCheck.Problem("diff --git a/src/x.js b/src/x.js\n--- a/src/x.js\n+++ b/src/x.js\n@@ -1 +1 @@\n-a\n+b\n"));

    [Fact]
    public void A_new_file_from_dev_null_is_accepted() =>
        Assert.Null(ProtocolPatchCheck.Problem("--- /dev/null\n+++ b/src/new.js\n@@ -0,0 +1 @@\n+a\n"));

    [Theory]
    [InlineData("--- a/../tests/issues/1/test.py\n+++ b/../tests/issues/1/test.py\n", "line 1", "'..'")]
    [InlineData("diff --git a/x b/../../root/.bashrc\n", "line 1", "'..'")]
    [InlineData("*** /dev/null\n--- /usr/local/bin/ansible-playbook\n", "line 2", "absolute")]
    [InlineData("copy from src/a\ncopy to ../tests/run.sh\n", "line 2", "'..'")]
    [InlineData("rename from src/a\nrename to /app/tests/run_tests.yml\n", "line 2", "absolute")]
    public void A_path_that_leaves_the_app_is_refused_naming_its_line(string patch, string line, string why)
    {
        var problem = ProtocolPatchCheck.Problem(patch);
        Assert.NotNull(problem);
        Assert.StartsWith(line, problem);
        Assert.Contains(why, problem);
    }

    [Fact]
    public void Context_hunk_ranges_are_not_taken_for_paths() =>
        Assert.Null(ProtocolPatchCheck.Problem("*** a/src/x.js\n--- b/src/x.js\n***************\n*** 1,3 ****\n--- 1,3 ----\n"));
}
