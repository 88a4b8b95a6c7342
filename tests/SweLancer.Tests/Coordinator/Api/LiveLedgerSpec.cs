using System.Text.Json;
using SweLancer.Coordinator.Api;
using SweLancer.Coordinator.Ledger;
using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Api;

public sealed class LiveLedgerSpec
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Folded_a_tail_at_a_time_its_figures_equal_those_of_the_whole_ledger()
    {
        var random = new Random(3);
        var plan = Enumerable.Range(0, 60).SelectMany(t => Enumerable.Range(1, 1 + t % 3)
            .Select(a => new PlannedItem($"q{t}", a, t % 4 == 0 ? "ic_swe" : "swe_manager", 25m * (1 + t % 7), null))).ToList();
        var results = plan.Select(i => Result(i, (GradeOutcome)random.Next(3), random.Next(0, 600)))
            .Append(Graded("stranger", GradeOutcome.Passed, 9000m) with { StartedAt = T0.AddSeconds(-50), FinishedAt = T0.AddSeconds(900) })
            .Append(Result(plan[0] with { Attempt = 9 }, GradeOutcome.Passed, 30)) // an attempt the plan does not hold
            .OrderBy(_ => random.Next()).ToList();
        var ledger = new LiveLedger("s1", plan);
        var incarnation = Guid.NewGuid();

        var folded = new List<TaskGraded>();
        foreach (var batch in results.Chunk(17))
        {
            var question = ledger.NextQuestion;
            ledger.Fold(new LedgerTail("s1", 0, incarnation, question.Start, batch));
            folded.AddRange(batch);

            var summary = LedgerSummary.Of("s1", plan, folded);
            Assert.Equal(Json(summary), Json(ledger.Summary));
            Assert.Equal(Json(SweepTimeline.Of(plan, folded)), Json(ledger.Timeline));
            Assert.Equal(Json(SweepEstimates.Of(plan, folded)), Json(ledger.Estimates));
            Assert.Equal(SweepTiming.Of(folded, summary.Graded), ledger.Timing);
            Assert.Equal(folded.Count, ledger.Count);
            Assert.Equal(new GetLedgerSince(incarnation, folded.Count), ledger.NextQuestion);
        }
    }

    [Fact]
    public void Two_answers_from_the_same_start_fold_their_overlap_once()
    {
        var plan = Plan(4);
        var ledger = new LiveLedger("s1", plan);
        var incarnation = Guid.NewGuid();
        var all = plan.Select(i => Result(i, GradeOutcome.Passed, 10)).ToList();

        ledger.Fold(new LedgerTail("s1", 0, incarnation, 0, all[..2]));
        ledger.Fold(new LedgerTail("s1", 0, incarnation, 0, all[..3]));
        ledger.Fold(new LedgerTail("s1", 0, incarnation, 1, all[1..3]));

        Assert.Equal(3, ledger.Count);
        Assert.Equal((3, 3, 300m), (ledger.Summary.AttemptsGraded, ledger.Summary.Passed, ledger.Summary.EarnedUsd));
    }

    [Fact]
    public void A_restarted_projection_replaces_what_was_folded_and_a_late_answer_of_the_old_one_is_ignored()
    {
        var plan = Plan(3);
        var ledger = new LiveLedger("s1", plan);
        var (before, after) = (Guid.NewGuid(), Guid.NewGuid());
        ledger.Fold(new LedgerTail("s1", 0, before, 0, [Result(plan[0], GradeOutcome.Passed, 10), Result(plan[1], GradeOutcome.Failed, 10)]));

        // Recovered from its snapshot, the new projection folds in another order: its answer starts again at 0.
        ledger.Fold(new LedgerTail("s1", 0, after, 0, [Result(plan[2], GradeOutcome.Passed, 10)]));
        Assert.Equal((1, 1, 100m), (ledger.Count, ledger.Summary.Passed, ledger.Summary.EarnedUsd));

        ledger.Fold(new LedgerTail("s1", 0, before, 2, [Result(plan[0], GradeOutcome.Passed, 10)]));
        Assert.Equal(new GetLedgerSince(after, 1), ledger.NextQuestion);
        Assert.Equal(1, ledger.Summary.AttemptsGraded);
    }

    [Fact]
    public void A_figure_is_made_once_per_ledger_size()
    {
        var plan = Plan(2);
        var ledger = new LiveLedger("s1", plan);
        var incarnation = Guid.NewGuid();
        ledger.Fold(new LedgerTail("s1", 0, incarnation, 0, [Result(plan[0], GradeOutcome.Passed, 10)]));
        var (summary, timeline, estimates) = (ledger.Summary, ledger.Timeline, ledger.Estimates);

        ledger.Fold(new LedgerTail("s1", 0, incarnation, 1, []));
        Assert.Same(summary, ledger.Summary);
        Assert.Same(timeline, ledger.Timeline);
        Assert.Same(estimates, ledger.Estimates);

        ledger.Fold(new LedgerTail("s1", 0, incarnation, 1, [Result(plan[1], GradeOutcome.Passed, 20)]));
        Assert.Equal(200m, ledger.Summary.EarnedUsd);
        Assert.Equal(200m, ledger.Timeline.EarnedUsd);
        Assert.NotSame(estimates, ledger.Estimates);
    }

    [Fact]
    public void Before_any_result_it_has_a_summary_of_nothing_and_no_timing()
    {
        var ledger = new LiveLedger("s1", Plan(2));

        Assert.Equal(new GetLedgerSince(Guid.Empty, 0), ledger.NextQuestion);
        Assert.Equal((2, 0, 0m), (ledger.Summary.Tasks, ledger.Summary.Graded, ledger.Summary.EarnedUsd));
        Assert.Equal(SweepTiming.None, ledger.Timing);
        Assert.Null(ledger.Timeline.StartedAt);
    }

    private static List<PlannedItem> Plan(int tasks) =>
        Enumerable.Range(0, tasks).Select(t => new PlannedItem($"q{t}", 1, "swe_manager", 100m, null)).ToList();

    private static TaskGraded Result(PlannedItem item, GradeOutcome outcome, int second) =>
        Graded(item.QuestionId, outcome, item.PriceUsd, item.Attempt, variant: item.Variant)
            with { StartedAt = T0.AddSeconds(second), FinishedAt = T0.AddSeconds(second + 5 + item.Attempt) };

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
