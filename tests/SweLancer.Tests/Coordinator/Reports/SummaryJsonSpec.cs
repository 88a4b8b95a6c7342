using System.Text.Json;
using SweLancer.Coordinator.Reports;
using SweLancer.Domain.Costs;
using SweLancer.Domain.Flakes;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Tests.Shared;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Reports;

public sealed class SummaryJsonSpec
{
    private static readonly PlannedItem[] Plan =
    [
        new("ic-1", 1, "ic_swe", 1000m, null),
        new("ic-2", 1, "ic_swe", 500m, null),
        new("m-1", 1, "swe_manager", 2000m, null),
    ];

    private static TaskGraded Ic(string id, GradeOutcome outcome, decimal price, double wall, AttemptCost cost, params GradeOutcome[] runs) =>
        Graded(id, outcome, price, variant: "ic_swe") with
        {
            FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(wall),
            Runs = runs.Select((o, i) => new TestRunRecord(i + 1, o)).ToList(),
            Cost = cost,
        };

    private static JsonElement Written(params TaskGraded[] results)
    {
        using var dir = new TempDir();
        var tasks = TaskResult.Of(Plan, results);
        SummaryJson.Write(dir.File("summary.json"), LedgerSummary.Of("s1", tasks), AttemptEstimates.Of(tasks), FlakeReport.Of(tasks), SweepCost.Of(tasks));
        return JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement.Clone();
    }

    private static readonly TaskGraded[] Results =
    [
        Ic("ic-1", GradeOutcome.Passed, 1000m, 100, new AttemptCost(90, 20), GradeOutcome.Failed, GradeOutcome.Passed),
        Ic("ic-2", GradeOutcome.Failed, 500m, 50, new AttemptCost(30, 10), GradeOutcome.Failed, GradeOutcome.Failed, GradeOutcome.Failed),
        Graded("m-1", GradeOutcome.Passed, 2000m) with { FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(2), Cost = AttemptCost.None },
    ];

    [Fact]
    public void The_flaky_tasks_and_the_cost_follow_every_earlier_key()
    {
        var json = Written(Results);

        Assert.Equal(["sweep_id", "tasks", "graded", "passed", "failed", "system_errors", "earned_usd", "available_usd", "by_variant",
            "earned_usd_ci", "pass_at_1_ci", "pass_at_k", "earnings_at_k", "flaky_tasks", "flaky_usd", "cost", "pass_at_k_ci", "earnings_at_k_ci"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_flaky_task_is_listed_with_its_runs_and_its_earnings_rest_on_it()
    {
        var json = Written(Results);

        var flaky = Assert.Single(json.GetProperty("flaky_tasks").EnumerateArray());
        Assert.Equal("""{"question_id":"ic-1","variant":"ic_swe","price_usd":1000,"earned_usd":1000,"runs":[{"attempt":1,"run":1,"outcome":"failed"},{"attempt":1,"run":2,"outcome":"passed"}]}""",
            JsonSerializer.Serialize(flaky));
        Assert.Equal(1000m, json.GetProperty("flaky_usd").GetDecimal());
    }

    [Fact]
    public void The_cost_is_summed_per_sweep_and_per_variant_with_dollars_per_container_hour()
    {
        var cost = Written(Results).GetProperty("cost");

        // 120 container-seconds (1/30 hour) for $3,000: $90,000 per container-hour; ic_swe alone earned $1,000 in them.
        Assert.Equal("""{"container_seconds":120,"browser_seconds":30,"wall_seconds":152,"usd_per_container_hour":90000,"by_variant":{"ic_swe":{"container_seconds":120,"browser_seconds":30,"wall_seconds":150,"usd_per_container_hour":30000},"swe_manager":{"container_seconds":0,"browser_seconds":0,"wall_seconds":2,"usd_per_container_hour":null}}}""",
            JsonSerializer.Serialize(cost));
    }

    [Fact]
    public void Every_pass_at_k_and_earnings_at_k_and_each_variants_earnings_carry_an_interval_after_the_variants_keys()
    {
        var json = Written(Results);

        var ic = json.GetProperty("by_variant").GetProperty("ic_swe");
        Assert.Equal(["tasks", "passed", "earned_usd", "pass_at_k", "earnings_at_k", "earned_usd_ci", "pass_at_k_ci", "earnings_at_k_ci"],
            ic.EnumerateObject().Select(p => p.Name));
        // Two ic tasks, one passed ($1,000 of $1,500): resamples earn $0, $1,000 or all of the $1,500's share.
        Assert.Equal([0.0, 1500.0], ic.GetProperty("earned_usd_ci").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([0.0, 1.0], ic.GetProperty("pass_at_k_ci").GetProperty("1").EnumerateArray().Select(v => v.GetDouble()));
        var top = json.GetProperty("pass_at_k_ci").GetProperty("1");
        Assert.True(top[0].GetDouble() <= json.GetProperty("pass_at_k").GetProperty("1").GetDouble()
                    && json.GetProperty("pass_at_k").GetProperty("1").GetDouble() <= top[1].GetDouble(), top.GetRawText());
        Assert.Equal(2, json.GetProperty("earnings_at_k_ci").GetProperty("1").GetArrayLength());
    }
}
