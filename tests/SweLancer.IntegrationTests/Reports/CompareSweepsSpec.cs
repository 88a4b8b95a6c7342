using System.Text.Json;
using System.Text.RegularExpressions;
using SweLancer.IntegrationTests.Infrastructure;
using Xunit;
using static SweLancer.IntegrationTests.Reports.TwoSampleSweeps;

namespace SweLancer.IntegrationTests.Reports;

/// <summary>
/// `swelancer compare` on two real sweeps of the sample pool (gold and mixed answers, in two output folders): its tasks,
/// dollars and differences are the ones the submission files imply, in the JSON, the HTML page and the table.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class CompareSweepsSpec(TwoSampleSweeps sweeps) : IClassFixture<TwoSampleSweeps>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private Task<CoordinatorCli.Result> CompareAsync(string a, string b, params string[] more) =>
        CoordinatorCli.RunAsync(Timeout, ["compare", a, b, "--a-out", sweeps.Folder(a), "--b-out", sweeps.Folder(b), .. more]);

    [Fact]
    public async Task Mixed_against_gold_loses_the_tasks_only_gold_passes_at_their_prices()
    {
        var gold = sweeps.Passing("gold.jsonl");
        var mixed = sweeps.Passing("mixed.jsonl");
        var lost = gold.Keys.Except(mixed.Keys).ToHashSet();
        var shared = sweeps.Pool.Tasks.Count;
        Assert.NotEmpty(lost);
        Assert.Empty(mixed.Keys.Except(gold.Keys));

        var run = await CompareAsync(Gold, Mixed, "--json", sweeps.File("compare.json"), "--html", sweeps.File("compare.html"));

        Assert.True(run.ExitCode == 0, run.All);
        using var json = JsonDocument.Parse(File.ReadAllText(sweeps.File("compare.json")));
        var c = json.RootElement;
        Assert.Equal(shared, c.GetProperty("shared_tasks").GetInt32());
        Assert.Equal((0, 0), (c.GetProperty("only_in_a").GetArrayLength(), c.GetProperty("only_in_b").GetArrayLength()));
        Assert.Equal((0, 0m), (c.GetProperty("tasks_won").GetInt32(), c.GetProperty("gained_usd").GetDecimal()));
        Assert.Equal(lost.Count, c.GetProperty("tasks_lost").GetInt32());
        Assert.Equal(lost.Order(), c.GetProperty("lost").EnumerateArray().Select(t => t.GetProperty("question_id").GetString()!).Order());
        Assert.Equal(lost.Sum(id => gold[id]), c.GetProperty("lost_usd").GetDecimal());
        Assert.Equal((gold.Values.Sum(), mixed.Values.Sum()),
            (c.GetProperty("a").GetProperty("earned_usd").GetDecimal(), c.GetProperty("b").GetProperty("earned_usd").GetDecimal()));
        var difference = mixed.Values.Sum() - gold.Values.Sum();
        Assert.Equal(difference, c.GetProperty("difference_usd").GetDecimal());
        Assert.Equal(Math.Round((double)(mixed.Count - gold.Count) / shared, 6), c.GetProperty("pass_rate_difference").GetDouble());
        // No task earns B more than A, so no resample's sum is above 0; the interval holds the observed difference.
        var ci = c.GetProperty("difference_usd_ci").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        Assert.True(ci[0] <= difference && difference <= ci[1] && ci[1] <= 0, $"interval [{ci[0]}, {ci[1]}] for {difference}");

        var page = File.ReadAllText(sweeps.File("compare.html"));
        Assert.Equal(difference, decimal.Parse(Attribute(page, "difference-usd", "data-usd"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lost.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(page, "tasks-lost", "data-value"));
        Assert.All(lost, id => Assert.Contains($"data-question-id=\"{id}\"", page));

        Assert.Contains($"lost {lost.Count} tasks", run.Output);
    }

    [Fact]
    public async Task Gold_against_mixed_wins_the_same_tasks_printed_as_json()
    {
        var gold = sweeps.Passing("gold.jsonl");
        var mixed = sweeps.Passing("mixed.jsonl");
        var won = gold.Keys.Except(mixed.Keys).ToList();

        var run = await CompareAsync(Mixed, Gold, "--format", "json");

        Assert.True(run.ExitCode == 0, run.All);
        using var json = JsonDocument.Parse(run.Output);
        var c = json.RootElement;
        Assert.Equal(won.Order(), c.GetProperty("won").EnumerateArray().Select(t => t.GetProperty("question_id").GetString()!).Order());
        Assert.Equal((won.Sum(id => gold[id]), 0m), (c.GetProperty("gained_usd").GetDecimal(), c.GetProperty("lost_usd").GetDecimal()));
        Assert.Equal(gold.Values.Sum() - mixed.Values.Sum(), c.GetProperty("difference_usd").GetDecimal());
        Assert.True(c.GetProperty("difference_usd_ci")[0].GetDecimal() >= 0, c.GetProperty("difference_usd_ci").ToString());
    }

    [Fact]
    public async Task An_unknown_sweep_or_a_missing_journal_is_refused_with_what_and_where()
    {
        var unknown = await CoordinatorCli.RunAsync(Timeout, "compare", Gold, "compare-nope", "--a-out", sweeps.Folder(Gold), "--b-out", sweeps.Folder(Mixed));
        var missing = await CoordinatorCli.RunAsync(Timeout, "compare", Gold, Mixed, "--out", sweeps.File("nowhere"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains($"no sweep 'compare-nope' in the journal (SQLite {Path.Combine(sweeps.Folder(Mixed), "sweep.db")})", unknown.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"no journal at {Path.Combine(sweeps.File("nowhere"), "sweep.db")}", missing.Error);
        Assert.All(new[] { unknown, missing }, r => Assert.DoesNotContain("   at ", r.All));
    }

    private static string Attribute(string page, string id, string attribute) =>
        Regex.Match(page, $"id=\"{id}\"[^>]*{attribute}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no {attribute} on #{id}");
}
