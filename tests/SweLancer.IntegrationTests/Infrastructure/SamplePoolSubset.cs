using System.Text.Json.Nodes;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// Some tasks of the freelance-app sample pool, copied with their file paths pointing back into the sample folder, and
/// the pool's submission files cut down to those tasks. Lets a spec sweep a small part of the pool with its real files.
/// </summary>
public sealed record SamplePoolSubset(string TasksPath, IReadOnlyList<JsonObject> Tasks)
{
    public static SamplePoolSubset Write(string folder, Func<JsonObject, bool> choose)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(SamplePool.TasksJson))!.AsObject();
        var chosen = manifest["tasks"]!.AsArray().Select(t => t!.AsObject()).Where(choose).Select(t => t.DeepClone().AsObject()).ToList();
        foreach (var ic in chosen.Select(t => t["ic"]).OfType<JsonObject>())
        {
            foreach (var key in new[] { "bug_patch", "gold_patch", "hidden_tests" })
            {
                if (ic[key] is { } relative)
                    ic[key] = Path.Combine(SamplePool.Folder, (string)relative!);
            }
        }

        manifest["tasks"] = new JsonArray([.. chosen.Select(t => t.DeepClone())]);
        var tasksPath = Path.Combine(folder, "subset-tasks.json");
        File.WriteAllText(tasksPath, manifest.ToJsonString());
        return new SamplePoolSubset(tasksPath, chosen);
    }

    /// <summary>The pool's submission file (gold.jsonl, mixed.jsonl, empty.jsonl) with only this subset's lines, written beside the tasks.</summary>
    public string Submissions(string name)
    {
        var ids = Tasks.Select(t => (string)t["question_id"]!).ToHashSet();
        var path = Path.Combine(Path.GetDirectoryName(TasksPath)!, "subset-" + name);
        File.WriteAllLines(path, Answers(name).Where(a => ids.Contains((string)a["question_id"]!)).Select(a => a.ToJsonString()));
        return path;
    }

    /// <summary>The lines of one of the pool's submission files.</summary>
    public static IReadOnlyList<JsonObject> Answers(string name) =>
        File.ReadAllLines(Path.Combine(SamplePool.Folder, "submissions", name))
            .Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
}
