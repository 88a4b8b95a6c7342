using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// <see cref="TaskResult.Of"/> kept up to date as results arrive: a result rebuilds only its own task's
/// <see cref="TaskResult"/>, so a view polled while a sweep grows groups the new results, not the whole sweep. Its
/// tasks always equal TaskResult.Of over the plan and every result added so far, in plan order, by the same rules:
/// attempts the plan does not hold are left out, and the first result for an attempt is the one kept.
/// </summary>
public sealed class GrowingTaskResults
{
    private readonly TaskResult[] _tasks;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly HashSet<int>[] _plannedAttempts;

    public GrowingTaskResults(IReadOnlyList<PlannedItem> plan)
    {
        _tasks = [.. TaskResult.Of(plan, [])];
        _plannedAttempts = new HashSet<int>[_tasks.Length];
        for (var i = 0; i < _tasks.Length; i++)
        {
            _positions.Add(_tasks[i].QuestionId, i);
            _plannedAttempts[i] = [];
        }

        foreach (var item in plan)
            _plannedAttempts[_positions[item.QuestionId]].Add(item.Attempt);
        Tasks = Array.AsReadOnly(_tasks);
    }

    /// <summary>Every planned task in plan order; a live view of this fold, so copy it to keep one moment's tasks.</summary>
    public IReadOnlyList<TaskResult> Tasks { get; }

    /// <summary>Results kept so far (those for planned attempts, each attempt once).</summary>
    public int Kept { get; private set; }

    /// <summary>Adds one result; returns false when the plan does not hold its attempt or the attempt already has one.</summary>
    public bool Add(TaskGraded result)
    {
        if (!_positions.TryGetValue(result.QuestionId, out var position) || !_plannedAttempts[position].Contains(result.Attempt))
            return false;
        var task = _tasks[position];
        var attempts = task.Attempts;
        var at = 0;
        while (at < attempts.Count && attempts[at].Attempt < result.Attempt)
            at++;
        if (at < attempts.Count && attempts[at].Attempt == result.Attempt)
            return false;

        // A new list each time: the task results already handed out keep theirs.
        var grown = new TaskGraded[attempts.Count + 1];
        for (var i = 0; i < at; i++)
            grown[i] = attempts[i];
        grown[at] = result;
        for (var i = at; i < attempts.Count; i++)
            grown[i + 1] = attempts[i];
        _tasks[position] = task with { Attempts = grown };
        Kept++;
        return true;
    }
}
