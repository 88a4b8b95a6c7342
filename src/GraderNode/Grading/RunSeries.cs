using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Grading;

/// <summary>
/// The test runs of one attempt as they happen: each is recorded on the attempt's meter, the settings say whether
/// another follows, and any passing run passes the attempt (SWE-Lancer's rule, confirming runs or not).
/// </summary>
public sealed class RunSeries(int maxRuns, TestRunSettings settings, AttemptMeter meter)
{
    public int MaxRuns => maxRuns;

    /// <summary>Runs recorded so far.</summary>
    public int Runs { get; private set; }

    public int Passes { get; private set; }

    /// <summary>The first passing run, or null.</summary>
    public int? PassedOn { get; private set; }

    public bool Passed => PassedOn is not null;

    /// <summary>Records the next run's outcome; true when another run follows.</summary>
    public bool Record(GradeOutcome outcome)
    {
        Runs++;
        meter.AddRun(outcome);
        if (outcome == GradeOutcome.Passed)
        {
            Passes++;
            PassedOn ??= Runs;
        }
        return settings.RunAgain(Runs, maxRuns, outcome);
    }

    /// <summary>Why the attempt passed: the first passing run and, when more than one run was made after it, how many passed.</summary>
    public string PassReason
    {
        get
        {
            var reason = PassedOn == 1 ? "hidden tests passed" : $"hidden tests passed on run {PassedOn} of {maxRuns}";
            return Runs > PassedOn ? $"{reason} ({Passes} of {Runs} runs passed)" : reason;
        }
    }
}
