using System.Text.Json.Nodes;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// A copy of the sample pool's IC tasks whose containers run from a spec-owned tag of the sample image, so a spec can
/// delete "its" image without touching what other specs use. The copy's file paths point back into the sample folder.
/// </summary>
public sealed record RetaggedSamplePool(string TasksPath, string SubmissionsPath, string Image, int Tasks, decimal PriceUsd)
{
    public const string SampleImage = "swelancer-sample/freelance-app:1";

    /// <param name="answers">A submission file of the sample pool's: gold.jsonl, mixed.jsonl or empty.jsonl.</param>
    public static RetaggedSamplePool Write(string folder, string image, int tasks, string answers = "gold.jsonl")
    {
        SamplePool.EnsureImage();
        if (image != SampleImage)
            DockerFixture.Docker("tag", SampleImage, image);
        var manifest = JsonNode.Parse(File.ReadAllText(SamplePool.TasksJson))!.AsObject();
        var chosen = manifest["tasks"]!.AsArray().Where(t => t!["ic"] is not null).Take(tasks).Select(t => t!.DeepClone()).ToList();
        foreach (var task in chosen)
        {
            var ic = task["ic"]!.AsObject();
            ic["image"] = image;
            foreach (var key in new[] { "bug_patch", "gold_patch", "hidden_tests" })
            {
                if (ic[key] is { } relative)
                    ic[key] = Path.Combine(SamplePool.Folder, (string)relative!);
            }
        }

        manifest["tasks"] = new JsonArray([.. chosen]);
        var ids = chosen.Select(t => (string)t["question_id"]!).ToHashSet();
        var gold = File.ReadAllLines(Path.Combine(SamplePool.Folder, "submissions", answers))
            .Where(l => l.Trim().Length > 0 && ids.Contains((string)JsonNode.Parse(l)!["question_id"]!));
        var tasksPath = Path.Combine(folder, "retagged-tasks.json");
        var submissionsPath = Path.Combine(folder, "retagged-" + answers);
        File.WriteAllText(tasksPath, manifest.ToJsonString());
        File.WriteAllLines(submissionsPath, gold);
        return new RetaggedSamplePool(tasksPath, submissionsPath, image, chosen.Count, chosen.Sum(t => (decimal)t["price"]!));
    }

    /// <summary>Removes the spec's tag only (the sample image keeps its own), whether or not it is still there.</summary>
    public void RemoveTag()
    {
        if (Image == SampleImage)
            return;
        try
        {
            DockerFixture.Docker("rmi", "-f", Image);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("No such image", StringComparison.OrdinalIgnoreCase))
        {
        }
    }
}
