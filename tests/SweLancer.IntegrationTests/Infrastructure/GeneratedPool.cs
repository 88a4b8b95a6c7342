using System.Text.Json;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>A large manager-task manifest with answers, for sweeps long enough to kill mid-way.</summary>
public static class GeneratedPool
{
    public static void Write(string tasksPath, string submissionsPath, int count, int seed)
    {
        var random = new Random(seed);
        var prices = new[] { 250, 500, 1000, 2000, 4000 };
        var tasks = new List<object>();
        var answers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"gen-{i:D6}-manager";
            tasks.Add(new Dictionary<string, object>
            {
                ["question_id"] = id,
                ["variant"] = "swe_manager",
                ["price"] = prices[random.Next(prices.Length)],
                ["manager"] = new Dictionary<string, object>
                {
                    ["correct_proposal_id"] = "2",
                    ["proposals"] = new[] { new { id = "1" }, new { id = "2" }, new { id = "3" } },
                },
            });
            if (random.NextDouble() < 0.9)
                answers.Add(JsonSerializer.Serialize(new { question_id = id, selected_proposal_id = random.Next(1, 4).ToString() }));
        }

        File.WriteAllText(tasksPath, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["format"] = "swelancer-task-manifest",
            ["version"] = 1,
            ["tasks"] = tasks,
        }));
        File.WriteAllLines(submissionsPath, answers);
    }
}
