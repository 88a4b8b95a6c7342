using System.Text.Json.Nodes;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.Tests.Shared;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// The demo's manager tasks with their answers (no container or browser needed), for specs about the cluster rather
/// than the app; the expected totals are read from the manifest's correct proposals.
/// </summary>
public static class DemoManagerPool
{
    public static ClusterPool Write(string folder)
    {
        var demo = Path.Combine(SharedDataset.RepoRoot, "samples", "demo");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(demo, "tasks.json")))!.AsObject();
        var managers = manifest["tasks"]!.AsArray().Where(t => (string?)t!["variant"] == "swe_manager").Select(t => t!.DeepClone()).ToList();
        manifest["tasks"] = new JsonArray([.. managers]);
        var answers = File.ReadAllLines(Path.Combine(demo, "submissions.jsonl")).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!)
            .Where(a => managers.Any(t => (string?)t!["question_id"] == (string?)a["question_id"])).ToList();
        var passed = managers.Where(t => answers.Any(a => (string?)a["question_id"] == (string?)t!["question_id"]
                                                          && a["selected_proposal_id"]!.ToString() == t!["manager"]!["correct_proposal_id"]!.ToString())).ToList();
        if (passed.Count == 0 || passed.Count == managers.Count)
            throw new InvalidOperationException("samples/demo should hold manager answers that pass and answers that fail");
        var tasks = Path.Combine(folder, "managers.json");
        var submissions = Path.Combine(folder, "managers.jsonl");
        File.WriteAllText(tasks, manifest.ToJsonString());
        File.WriteAllLines(submissions, answers.Select(a => a.ToJsonString()));
        return new ClusterPool(tasks, submissions, managers.Count, passed.Count, passed.Sum(t => (decimal)t!["price"]!), managers.Sum(t => (decimal)t!["price"]!));
    }
}
