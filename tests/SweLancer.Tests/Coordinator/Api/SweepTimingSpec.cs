using SweLancer.Coordinator.Api;
using SweLancer.Messages.Events;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Coordinator.Api;

public sealed class SweepTimingSpec
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-24T10:00:00Z");

    private static TaskGraded At(string questionId, int attempt, double startSeconds, double finishSeconds) =>
        Graded(questionId, GradeOutcome.Passed, 100m, attempt) with { StartedAt = T0.AddSeconds(startSeconds), FinishedAt = T0.AddSeconds(finishSeconds) };

    [Fact]
    public void No_results_means_no_rate() => Assert.Equal(SweepTiming.None, SweepTiming.Of([], 0));

    [Fact]
    public void Rates_run_from_the_first_start_to_the_last_finish()
    {
        var timing = SweepTiming.Of([At("q1", 1, 0, 10), At("q1", 2, 5, 30), At("q2", 1, 20, 120)], tasksGraded: 2);

        Assert.Equal(T0, timing.FirstStartedAt);
        Assert.Equal(T0.AddMinutes(2), timing.LastFinishedAt);
        Assert.Equal(1.5, timing.AttemptsPerMinute);
        Assert.Equal(1.0, timing.TasksPerMinute);
    }

    [Fact]
    public void Results_of_one_instant_count_over_one_second_not_as_an_infinite_rate() =>
        Assert.Equal(180.0, SweepTiming.Of([At("q1", 1, 0, 0), At("q2", 1, 0, 0), At("q3", 1, 0, 0)], 3).TasksPerMinute);
}
