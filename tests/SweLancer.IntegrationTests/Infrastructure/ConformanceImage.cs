using SweLancer.Tests.Shared;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// The local reproduction of the official SWE-Lancer IC image interface (conformance/README.md), built offline from
/// Debian's packages by scripts/build-conformance-image.sh. It is not the official image: specs on it check that the
/// runner follows the protocol, not that the Expensify tasks pass.
/// </summary>
public static class ConformanceImage
{
    public const string Image = "swelancer-conformance/expensify:1";

    public static void Ensure() =>
        DockerFixture.RunScript(Path.Combine(SharedDataset.RepoRoot, "scripts", "build-conformance-image.sh"));

    private static string TemplatePath => Path.Combine(SharedDataset.RepoRoot, "conformance", "image", "app", "tests", "templates", "issue.py.in");

    /// <summary>The gold answer for a task: the reverse of its bug_reintroduce.patch, built from the image's own template.</summary>
    public static string GoldPatch(string questionId)
    {
        var lines = File.ReadAllLines(TemplatePath).Select(l => l.Replace("@ISSUE_ID@", questionId)).ToList();
        var path = $"src/issue_{questionId}.py";
        var body = lines.SelectMany(l => l == "VALUE = \"fixed\"" ? new[] { "-VALUE = \"broken\"", "+VALUE = \"fixed\"" } : new[] { " " + l });
        return $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -1,{lines.Count} +1,{lines.Count} @@\n" + string.Join("\n", body) + "\n";
    }

    /// <summary>A patch that applies but fixes nothing: a new notes file in the app.</summary>
    public const string Unrelated = "diff --git a/NOTES.md b/NOTES.md\nnew file mode 100644\n--- /dev/null\n+++ b/NOTES.md\n@@ -0,0 +1 @@\n+nothing fixed here\n";
}
