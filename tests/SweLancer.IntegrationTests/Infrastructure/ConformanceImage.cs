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

    /// <summary>
    /// Grader settings (as the environment variables a pod would get) that map every IC task onto the conformance image,
    /// monolith style (its tests are keyed by ISSUE_ID), with small limits and fast polling for a 2-core machine.
    /// </summary>
    public static IReadOnlyDictionary<string, string> GraderEnvironment { get; } = new Dictionary<string, string>
    {
        ["SWELANCER_IMAGES"] = "monolith",
        ["SWELANCER_IMAGE_TEMPLATE"] = Image,
        ["SWELANCER_SETUP_NETWORK"] = "false",
        ["SWELANCER_READY_POLL_SECONDS"] = "0.2",
        ["SWELANCER_SETUP_SECONDS"] = "120",
        ["SWELANCER_MEMORY_MIB"] = "512",
        ["SWELANCER_CPUS"] = "1",
        ["SWELANCER_PIDS"] = "256",
        ["SWELANCER_SLOTS"] = "2",
        ["SWELANCER_SETUP_AHEAD"] = "2",
    };

    /// <summary>A patch that applies but fixes nothing: a new notes file in the app.</summary>
    public const string Unrelated = "diff --git a/NOTES.md b/NOTES.md\nnew file mode 100644\n--- /dev/null\n+++ b/NOTES.md\n@@ -0,0 +1 @@\n+nothing fixed here\n";
}
