using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Events;
using Xunit;

namespace SweLancer.Tests.GraderNode.Grading;

public sealed class TestRunSettingsSpec
{
    [Theory]
    [InlineData(1, GradeOutcome.Failed, false, true)]
    [InlineData(2, GradeOutcome.Failed, false, true)]
    [InlineData(3, GradeOutcome.Failed, false, false)]
    [InlineData(1, GradeOutcome.Passed, false, false)]
    [InlineData(1, GradeOutcome.Passed, true, true)]
    [InlineData(3, GradeOutcome.Passed, true, false)]
    [InlineData(1, GradeOutcome.SystemError, false, false)]
    [InlineData(1, GradeOutcome.SystemError, true, false)]
    public void A_run_is_followed_by_another_after_a_failure_or_while_confirming_and_never_past_the_last(int run, GradeOutcome outcome, bool confirm, bool again) =>
        Assert.Equal(again, new TestRunSettings(ConfirmRuns: confirm).RunAgain(run, 3, outcome));

    [Fact]
    public void Browser_tests_run_once_plus_the_reruns() =>
        Assert.Equal((1, 3), (TestRunSettings.Default.BrowserRuns, new TestRunSettings(BrowserReruns: 2).BrowserRuns));

    [Fact]
    public void A_series_without_confirming_stops_at_the_first_pass_and_records_every_run_it_made()
    {
        var meter = new AttemptMeter();
        var series = new RunSeries(3, TestRunSettings.Default, meter);

        Assert.True(series.Record(GradeOutcome.Failed));
        Assert.False(series.Record(GradeOutcome.Passed));

        Assert.Equal((2, 1, 2), (series.Runs, series.Passes, series.PassedOn));
        Assert.Equal("hidden tests passed on run 2 of 3", series.PassReason);
        Assert.Equal([new TestRunRecord(1, GradeOutcome.Failed), new TestRunRecord(2, GradeOutcome.Passed)], meter.Runs);
    }

    [Fact]
    public void A_confirmed_series_says_how_many_of_its_runs_passed()
    {
        var series = new RunSeries(3, new TestRunSettings(ConfirmRuns: true), new AttemptMeter());

        Assert.True(series.Record(GradeOutcome.Passed));
        Assert.True(series.Record(GradeOutcome.Passed));
        Assert.False(series.Record(GradeOutcome.Failed));

        Assert.Equal("hidden tests passed (2 of 3 runs passed)", series.PassReason);
    }

    [Fact]
    public void The_meter_adds_up_container_and_browser_time_to_the_millisecond()
    {
        var meter = new AttemptMeter();

        meter.AddContainerTime(TimeSpan.FromMilliseconds(1500.4));
        meter.AddContainerTime(TimeSpan.FromSeconds(2));
        meter.AddBrowserTime(TimeSpan.FromMilliseconds(250));

        Assert.Equal(new AttemptCost(3.5, 0.25), meter.Cost);
    }
}
