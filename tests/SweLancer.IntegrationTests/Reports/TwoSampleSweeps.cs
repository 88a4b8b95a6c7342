using System.Text.Json.Nodes;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Reports;

/// <summary>
/// Two real sweeps of part of the sample pool, each in its own output folder: the gold answers (A) and the mixed ones
/// (B). The part is every manager task and the IC tasks graded by a shell command (containers, no browser), so both
/// sweeps take seconds. Also says, from the files alone, which answers pass.
/// </summary>
public sealed class TwoSampleSweeps : IAsyncLifetime
{
    public const string Gold = "compare-gold";
    public const string Mixed = "compare-mixed";

    // samples/freelance-app/README.md, "mixed.jsonl, task by task": what the command runner measured for the mixed IC
    // patches of this subset that are not the gold patch.
    private static readonly IReadOnlyDictionary<string, bool> MeasuredIcVerdicts = new Dictionary<string, bool>
    {
        ["fa-301"] = true, // alternative fix (awk join)
        ["fa-302"] = false, // the right fix plus an edit outside acceptable_folders: refused
    };

    private readonly TempDir _dir = new();

    public SamplePoolSubset Pool { get; private set; } = null!;

    public string Folder(string sweepId) => _dir.File(sweepId);

    public string File(string name) => _dir.File(name);

    public async ValueTask InitializeAsync()
    {
        SamplePool.EnsureImage();
        Pool = SamplePoolSubset.Write(_dir.Path, t => t["manager"] is not null || (string?)t["ic"]?["runner"] == "command");
        await SweepAsync(Gold, "gold.jsonl");
        await SweepAsync(Mixed, "mixed.jsonl");
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The subset's tasks that <paramref name="answers"/> (a submission file of the pool) passes, with their prices.</summary>
    public IReadOnlyDictionary<string, decimal> Passing(string answers)
    {
        var byTask = SamplePoolSubset.Answers(answers).ToDictionary(a => (string)a["question_id"]!);
        return Pool.Tasks.Where(t => byTask.TryGetValue((string)t["question_id"]!, out var answer) && Passes(t, answer))
            .ToDictionary(t => (string)t["question_id"]!, t => (decimal)t["price"]!);
    }

    private static bool Passes(JsonObject task, JsonObject answer)
    {
        var id = (string)task["question_id"]!;
        if (task["manager"] is { } manager)
            return (string?)answer["selected_proposal_id"] == (string)manager["correct_proposal_id"]!;
        var gold = System.IO.File.ReadAllText((string)task["ic"]!["gold_patch"]!);
        if ((string?)answer["model_patch"] == gold)
            return true;
        return MeasuredIcVerdicts.TryGetValue(id, out var passes)
            ? passes
            : throw new InvalidOperationException($"{id}: no known verdict for its answer; add the README's to MeasuredIcVerdicts");
    }

    private async Task SweepAsync(string sweepId, string answers)
    {
        var run = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(5), "sweep", "--tasks", Pool.TasksPath,
            "--submissions", Pool.Submissions(answers), "--sweep-id", sweepId, "--out", Folder(sweepId));
        Assert.True(run.ExitCode == 0, run.All);
    }
}
