using System.Text.Json;
using SweLancer.Domain.Import;
using SweLancer.Messages.Tasks;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>Submission files generated from a task pool, with the dollars each should earn computed independently of the program.</summary>
public static class GeneratedSubmissions
{
    public sealed record Line(string QuestionId, int Attempt, string? Proposal, string? Patch);

    /// <summary>The merged proposal for every manager task, and a patch for every other IC task.</summary>
    public static IReadOnlyList<Line> Gold(IReadOnlyList<TaskDefinition> tasks) =>
        tasks.Select((t, i) => t.Manager is { } m
                ? new Line(t.QuestionId, 1, m.CorrectProposalId, null)
                : i % 2 == 0 ? new Line(t.QuestionId, 1, null, $"--- a/src/{t.QuestionId}.js\n+++ b/src/{t.QuestionId}.js\n@@ -1 +1 @@\n-a\n+b\n") : null)
            .OfType<Line>().ToList();

    /// <summary>
    /// A realistic mix for manager tasks, seeded: right and wrong picks, unanswered tasks, second attempts
    /// (some rescuing a wrong first pick), one answer to an unknown task and one duplicate line.
    /// </summary>
    public static (IReadOnlyList<Line> Lines, decimal ExpectedEarned, int ExpectedPassed) Mixed(IReadOnlyList<TaskDefinition> tasks, int seed)
    {
        var random = new Random(seed);
        var lines = new List<Line>();
        decimal earned = 0;
        var passed = 0;
        foreach (var task in tasks.Where(t => t.Manager is not null))
        {
            var spec = task.Manager!;
            var roll = random.NextDouble();
            if (roll < 0.15)
                continue;

            string Wrong() => spec.ProposalIds.FirstOrDefault(id => id != spec.CorrectProposalId) ?? "999";
            var first = roll < 0.55 ? spec.CorrectProposalId : Wrong();
            lines.Add(new Line(task.QuestionId, 1, first, null));
            var anyRight = first == spec.CorrectProposalId;
            if (random.NextDouble() < 0.2)
            {
                var second = random.NextDouble() < 0.5 ? spec.CorrectProposalId : Wrong();
                lines.Add(new Line(task.QuestionId, 2, second, null));
                anyRight |= second == spec.CorrectProposalId;
            }

            if (anyRight)
            {
                earned += task.PriceUsd;
                passed++;
            }
        }

        lines.Add(new Line("no-such-task-42", 1, "1", null));
        var firstLine = lines[0];
        // Same key as the first line, other answer: must be reported and ignored.
        lines.Add(firstLine with { Proposal = "duplicate-" + firstLine.Proposal });
        return (lines, earned, passed);
    }

    public static void Write(string path, IEnumerable<Line> lines) =>
        File.WriteAllLines(path, lines.Select(l => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["question_id"] = l.QuestionId,
            ["attempt"] = l.Attempt,
            ["selected_proposal_id"] = l.Proposal,
            ["model_patch"] = l.Patch,
            ["model_name_or_path"] = "generated",
        }.Where(p => p.Value is not null).ToDictionary())));

    public static IReadOnlyList<TaskDefinition> ReadTasks(string path) => TaskPoolReader.Read(path);
}
