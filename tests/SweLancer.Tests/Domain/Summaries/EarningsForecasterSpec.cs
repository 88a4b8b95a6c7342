using SweLancer.Domain.Ledger;
using SweLancer.Domain.Summaries;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class EarningsForecasterSpec
{
    [Fact]
    public void Made_once_it_forecasts_each_moment_of_the_sweep_as_a_forecast_made_afresh()
    {
        var random = new Random(9);
        var plan = Enumerable.Range(0, 200).Select(t => new PlannedItem($"q{t}", 1, t % 3 == 0 ? "ic_swe" : "swe_manager", 50m * (1 + t % 30), null)).ToList();
        var growing = new GrowingTaskResults(plan);
        var forecaster = new EarningsForecaster(growing.Tasks);

        foreach (var item in plan.OrderBy(_ => random.Next()))
        {
            growing.Add(Graded(item.QuestionId, (GradeOutcome)random.Next(3), item.PriceUsd, variant: item.Variant));
            var outlooks = growing.Tasks.Select(t => new EarningsForecast.Outlook(t.Variant, t.PriceUsd,
                t.Verdict is { } verdict ? verdict == GradeOutcome.Passed : null)).ToList();
            Assert.Equal(EarningsForecast.From(outlooks), forecaster.Forecast(growing.Tasks));
        }

        Assert.NotNull(forecaster.Forecast(growing.Tasks));
    }

    [Fact]
    public void Other_tasks_than_its_own_are_refused()
    {
        var forecaster = new EarningsForecaster(TaskResult.Of([new PlannedItem("q1", 1, "swe_manager", 10m, null)], []));

        var refused = Assert.Throws<ArgumentException>(() => forecaster.Forecast([]));
        Assert.Contains("0 tasks for a forecaster of 1", refused.Message);
    }
}
