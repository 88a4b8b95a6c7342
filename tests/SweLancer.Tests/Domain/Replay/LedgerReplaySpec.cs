using SweLancer.Domain.Ledger;
using SweLancer.Domain.Replay;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Replay;

public sealed class LedgerReplaySpec
{
    // a ($1,000, manager) passed; b ($4,000, manager) passed on attempt 2; c ($250, ic) passed; d ($2,000, ic) failed.
    private static readonly PlannedItem[] Plan =
    [
        new("a", 1, TaskVariants.SweManager, 1000m, null),
        new("b", 1, TaskVariants.SweManager, 4000m, null), new("b", 2, TaskVariants.SweManager, 4000m, null),
        new("c", 1, TaskVariants.IcSwe, 250m, null),
        new("d", 1, TaskVariants.IcSwe, 2000m, null),
    ];

    private static readonly TaskGraded[] Results =
    [
        Graded("a", GradeOutcome.Passed, 1000m),
        Graded("b", GradeOutcome.Failed, 4000m), Graded("b", GradeOutcome.Passed, 4000m, attempt: 2),
        Graded("c", GradeOutcome.Passed, 250m, variant: TaskVariants.IcSwe),
        Graded("d", GradeOutcome.Failed, 2000m, variant: TaskVariants.IcSwe),
    ];

    private static LedgerSummary Replayed(params string[] rules)
    {
        var replay = LedgerReplay.Of(Plan, Results, rules.Select(PriceRuleParser.Parse).ToList());
        return LedgerSummary.Of("s1", replay.Replayed);
    }

    [Fact]
    public void Without_rules_the_replay_is_the_recorded_ledger()
    {
        var replay = LedgerReplay.Of(Plan, Results, []);
        Assert.Equal(5250m, LedgerSummary.Of("s1", replay.Original).EarnedUsd);
        Assert.Equal(5250m, LedgerSummary.Of("s1", replay.Replayed).EarnedUsd);
    }

    [Fact]
    public void A_cap_lowers_the_prices_above_it_and_earnings_follow()
    {
        var summary = Replayed("cap:1500");
        // earned: a 1,000 + b capped 1,500 + c 250 = 2,750; available: 1,000 + 1,500 + 250 + 1,500 = 4,250.
        Assert.Equal((2750m, 4250m), (summary.EarnedUsd, summary.AvailableUsd));
        Assert.Equal(3, summary.Passed);
    }

    [Fact]
    public void Excluded_tasks_leave_both_earned_and_available()
    {
        var summary = Replayed("exclude:b,d");
        Assert.Equal((1250m, 1250m, 2), (summary.EarnedUsd, summary.AvailableUsd, summary.Tasks));
    }

    [Fact]
    public void A_variant_split_keeps_only_its_tasks()
    {
        var summary = Replayed("variant:ic_swe");
        Assert.Equal((250m, 2250m, 2), (summary.EarnedUsd, summary.AvailableUsd, summary.Tasks));
        Assert.Equal([TaskVariants.IcSwe], summary.ByVariant.Keys);
    }

    [Fact]
    public void Rules_compose_in_order()
    {
        // only a, b and d; then b and d capped at 500: earned 500 (a) + 500 (b) = 1,000; available 500 × 3.
        var summary = Replayed("only:a,b,d", "cap:500");
        Assert.Equal((1000m, 1500m), (summary.EarnedUsd, summary.AvailableUsd));
    }

    [Fact]
    public void Ids_the_sweep_never_planned_are_reported_not_dropped_silently()
    {
        var replay = LedgerReplay.Of(Plan, Results, [PriceRuleParser.Parse("exclude:a,zz,yy")]);
        Assert.Equal(["yy", "zz"], replay.UnknownIds);
    }

    [Fact]
    public void Replay_keeps_the_per_task_rule_a_pass_on_any_attempt_earns_once()
    {
        // b's two attempts, one passed: it earns its (capped) price once, never twice.
        var tasks = LedgerReplay.Of(Plan, Results, [PriceRuleParser.Parse("only:b")]).Replayed;
        Assert.Equal(4000m, Assert.Single(tasks).EarnedUsd);
    }
}
