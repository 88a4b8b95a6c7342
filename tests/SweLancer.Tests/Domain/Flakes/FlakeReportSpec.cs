using SweLancer.Domain.Flakes;
using SweLancer.Domain.Ledger;
using SweLancer.Messages.Events;
using SweLancer.Messages.Tasks;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Flakes;

public sealed class FlakeReportSpec
{
    private const GradeOutcome P = GradeOutcome.Passed;
    private const GradeOutcome F = GradeOutcome.Failed;
    private const GradeOutcome E = GradeOutcome.SystemError;

    /// <summary>An attempt whose outcome follows SWE-Lancer's rule from its runs: any passing run passes.</summary>
    private static TaskGraded Attempt(string id, decimal price, int attempt, params GradeOutcome[] runs) =>
        Graded(id, runs.Contains(P) ? P : runs.Contains(F) ? F : E, price, attempt, variant: TaskVariants.IcSwe) with
        {
            Runs = runs.Select((o, i) => new TestRunRecord(i + 1, o)).ToList(),
        };

    private static TaskResult Task(string id, decimal price, params TaskGraded[] attempts) =>
        new(id, attempts.Length > 0 ? attempts[0].Variant : TaskVariants.SweManager, price, Math.Max(1, attempts.Length), attempts);

    [Fact]
    public void Runs_that_disagree_within_an_attempt_or_across_attempts_make_a_task_flaky_and_its_earnings_rest_on_them()
    {
        var tasks = new[]
        {
            Task("within", 1000m, Attempt("within", 1000m, 1, F, P)),
            Task("across", 500m, Attempt("across", 500m, 1, F, F, F), Attempt("across", 500m, 2, P)),
            Task("steady-pass", 250m, Attempt("steady-pass", 250m, 1, P), Attempt("steady-pass", 250m, 2, P)),
            Task("steady-fail", 4000m, Attempt("steady-fail", 4000m, 1, F, F, F)),
            // A system error is ours: it neither passes nor fails a run.
            Task("ours", 2000m, Attempt("ours", 2000m, 1, F, E)),
            // A manager task, and a result journaled before runs were recorded: no runs, nothing to disagree.
            Task("manager", 3000m, Graded("manager", P, 3000m)),
            Task("old", 750m, Graded("old", P, 750m, variant: TaskVariants.IcSwe)),
        };

        var report = FlakeReport.Of(tasks);

        Assert.Equal(["within", "across"], report.Tasks.Select(t => t.QuestionId));
        Assert.Equal(1000m + 500m, report.FlakyUsd);
        var across = report.Tasks[1];
        Assert.Equal((TaskVariants.IcSwe, 500m, 500m), (across.Variant, across.PriceUsd, across.EarnedUsd));
        Assert.Equal([1, 2], across.Attempts.Select(a => a.Attempt));
        Assert.Equal([F, F, F], across.Attempts[0].Runs.Select(r => r.Outcome));
        Assert.Equal([P], across.Attempts[1].Runs.Select(r => r.Outcome));
    }

    [Fact]
    public void A_flaky_task_with_two_passing_attempts_puts_its_price_at_stake_once()
    {
        var report = FlakeReport.Of([Task("twice", 800m, Attempt("twice", 800m, 1, F, P), Attempt("twice", 800m, 2, P))]);

        Assert.Equal(800m, report.FlakyUsd);
    }

    [Fact]
    public void No_runs_no_flakes() =>
        Assert.Equal((0, 0m), (FlakeReport.Of([]).Tasks.Count, FlakeReport.Of([]).FlakyUsd));
}
