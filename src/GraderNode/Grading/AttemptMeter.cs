using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Grading;

/// <summary>
/// What the harness observed while grading one delivery of an attempt: each test run's outcome and the time containers
/// and browsers were busy for it. Runners and containers write here from several tasks, hence the lock.
/// </summary>
public sealed class AttemptMeter
{
    private readonly Lock _lock = new();
    private readonly List<TestRunRecord> _runs = [];
    private TimeSpan _container;
    private TimeSpan _browser;

    /// <summary>Records the next test run; the number is its place among this attempt's runs.</summary>
    public void AddRun(GradeOutcome outcome)
    {
        lock (_lock)
            _runs.Add(new TestRunRecord(_runs.Count + 1, outcome));
    }

    public void AddContainerTime(TimeSpan held)
    {
        lock (_lock)
            _container += held;
    }

    public void AddBrowserTime(TimeSpan spent)
    {
        lock (_lock)
            _browser += spent;
    }

    public IReadOnlyList<TestRunRecord> Runs
    {
        get
        {
            lock (_lock)
                return _runs.ToArray();
        }
    }

    /// <summary>Seconds to the millisecond: finer is noise.</summary>
    public AttemptCost Cost
    {
        get
        {
            lock (_lock)
                return new AttemptCost(Math.Round(_container.TotalSeconds, 3), Math.Round(_browser.TotalSeconds, 3));
        }
    }
}
