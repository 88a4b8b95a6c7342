using System.Text.Json.Nodes;
using SweLancer.Domain.Import;
using SweLancer.IntegrationTests.Infrastructure;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>
/// The cluster tests' task pool: the freelance-app sample pool repeated with distinct question ids (real containers and
/// browser tests), plus the SWE-Lancer Lite manager tasks, as one task manifest with its submissions and the totals
/// they must earn.
/// </summary>
public sealed record ClusterPool(string TasksPath, string SubmissionsPath, int Tasks, int Passed, decimal EarnedUsd, decimal AvailableUsd)
{
    // samples/freelance-app/README.md: mixed.jsonl passes 18 of the 35 tasks and earns $42,250 of $80,250.
    private const int SamplePassed = 18;
    private const decimal SampleEarned = 42_250m;
    private const decimal SampleAvailable = 80_250m;

    public static ClusterPool Build(string folder, int sampleRepeats, string? liteCsv, int seed = 11)
    {
        var sample = JsonNode.Parse(File.ReadAllText(SamplePool.TasksJson))!.AsObject();
        var sampleFolder = Path.GetDirectoryName(SamplePool.TasksJson)!;
        var tasks = new JsonArray();
        var submissions = new List<string>();
        var mixed = File.ReadAllLines(Path.Combine(sampleFolder, "submissions", "mixed.jsonl")).Where(l => l.Trim().Length > 0).ToList();
        for (var r = 1; r <= sampleRepeats; r++)
        {
            foreach (var task in sample["tasks"]!.AsArray())
                tasks.Add(CopyOfSampleTask(task!, $"{task!["question_id"]}-r{r}"));

            foreach (var line in mixed)
            {
                var answer = JsonNode.Parse(line)!.AsObject();
                answer["question_id"] = $"{answer["question_id"]}-r{r}";
                submissions.Add(answer.ToJsonString());
            }
        }

        int passed = SamplePassed * sampleRepeats;
        decimal earned = SampleEarned * sampleRepeats, available = SampleAvailable * sampleRepeats;
        if (liteCsv is not null)
        {
            var manager = SweLancerCsvReader.Read(liteCsv).Where(t => t.Manager is not null).ToList();
            foreach (var t in manager)
            {
                var spec = new JsonObject { ["correct_proposal_id"] = t.Manager!.CorrectProposalId };
                if (t.Manager.ProposalIds.Count > 0)
                    spec["proposals"] = new JsonArray([.. t.Manager.ProposalIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
                tasks.Add(new JsonObject { ["question_id"] = t.QuestionId, ["variant"] = t.Variant, ["price"] = t.PriceUsd, ["manager"] = spec });
            }

            var (lines, liteEarned, litePassed) = GeneratedSubmissions.Mixed(manager, seed);
            var litePath = Path.Combine(folder, "lite-mixed.jsonl");
            GeneratedSubmissions.Write(litePath, lines);
            submissions.AddRange(File.ReadAllLines(litePath).Where(l => l.Trim().Length > 0));
            passed += litePassed;
            earned += liteEarned;
            available += manager.Sum(t => t.PriceUsd);
        }

        var tasksPath = WriteManifest(Path.Combine(folder, "cluster-pool.json"), tasks);
        var submissionsPath = Path.Combine(folder, "cluster-submissions.jsonl");
        File.WriteAllLines(submissionsPath, submissions);
        return new ClusterPool(tasksPath, submissionsPath, tasks.Count, passed, earned, available);
    }

    /// <summary>A sample pool task under a new id. Manifests built from it live elsewhere, so its file references become absolute.</summary>
    public static JsonObject CopyOfSampleTask(JsonNode task, string questionId)
    {
        var copy = task.DeepClone().AsObject();
        copy["question_id"] = questionId;
        if (copy["ic"] is JsonObject ic)
        {
            foreach (var key in new[] { "bug_patch", "gold_patch", "hidden_tests" })
                if (ic[key] is JsonValue relative)
                    ic[key] = Path.GetFullPath(Path.Combine(SamplePool.Folder, relative.GetValue<string>()));
        }

        return copy;
    }

    public static string WriteManifest(string path, JsonArray tasks)
    {
        File.WriteAllText(path, new JsonObject { ["format"] = "swelancer-task-manifest", ["version"] = 1, ["tasks"] = tasks }.ToJsonString());
        return path;
    }
}
