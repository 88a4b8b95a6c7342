using SweLancer.Coordinator.Cli;
using SweLancer.Domain.Sweeps;
using Xunit;

namespace SweLancer.Tests.Coordinator.Cli;

public sealed class ProgressPrinterSpec
{
    private static readonly SweepProgress HalfWay = new("s", Total: 200, Graded: 100, InFlight: 8,
        Tasks: 150, TasksGraded: 70, Passed: 40, Failed: 25, SystemErrors: 5, EarnedUsd: 12_500m, AvailableUsd: 50_000m);

    [Fact]
    public void Shows_counts_dollars_rate_and_the_time_left_at_that_rate() =>
        Assert.Equal(
            "progress: 100/200 graded (attempts); tasks: 40 passed, 25 failed, 5 system errors of 150; $12,500 of $50,000 earned, 20 attempts/min, 8 in flight, eta 00:05:00",
            ProgressPrinter.Format(HalfWay, attemptsPerMinute: 20));

    [Fact]
    public void The_rate_counts_only_what_was_graded_while_watching()
    {
        // 100 graded, 40 of them recovered from the journal: 60 in 3 minutes.
        var line = ProgressPrinter.Format(HalfWay, TimeSpan.FromMinutes(3), alreadyGraded: 40);
        Assert.Contains("20 attempts/min", line);
        Assert.EndsWith("eta 00:05:00", line);
    }

    [Fact]
    public void Without_a_rate_there_is_no_eta() =>
        Assert.DoesNotContain("eta", ProgressPrinter.Format(HalfWay, attemptsPerMinute: 0));
}
