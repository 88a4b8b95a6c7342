using Xunit;
namespace SweLancer.Tests.Shared;

/// <summary>
/// Locates the read-only datasets kept beside the checkout (<c>&lt;repo root&gt;/../shared/datasets/</c>);
/// they are never copied into the repository.
/// </summary>
public static class SharedDataset
{
    /// <summary>The folder holding SweLancer.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SweLancer.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException($"No folder containing SweLancer.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Where the SWE-Lancer Lite task table is expected, whether or not it is there.</summary>
    public static string LiteCsvPath =>
        Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets", "swelancer_tasks_lite.csv"));

    /// <summary>The Lite table's path; skips the calling test when the file is absent (the only acceptable skip).</summary>
    public static string RequireLiteCsv()
    {
        var path = LiteCsvPath;
        if (!File.Exists(path))
            Assert.Skip($"Skipped: the SWE-Lancer Lite dataset is not at {path} (it lives beside the checkout, never in it).");
        return path;
    }
}
