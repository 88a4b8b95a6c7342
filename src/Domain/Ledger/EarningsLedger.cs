using SweLancer.Messages.Events;
using SweLancer.Messages.Submissions;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// The folded results of one sweep, keyed by (question_id, attempt): folding the same result twice changes nothing,
/// so a projection may replay events after a restart without double counting. Results are kept in the order they were
/// first folded.
/// </summary>
/// <remarks>
/// Once told the sweep's plan (<see cref="Reserve"/>), the ledger keeps each planned result as a value in a slot made
/// with the plan, so its memory is set by the plan and does not grow as results arrive. A result with no slot (the plan
/// not known, or outside it) is kept whole.
/// </remarks>
public sealed class EarningsLedger(string sweepId)
{
    private readonly Dictionary<ResultKey, TaskGraded> _withoutSlot = [];
    private readonly List<TaskGraded> _withoutSlotInOrder = [];
    // Null until the plan is known.
    private Dictionary<ResultKey, int>? _slotOf;
    private ResultKey[] _slotKeys = [];
    private StoredResult[] _slots = [];
    // Fold order: a slot's index, or the complement (~i) of the i-th result kept whole.
    private readonly List<int> _order = [];
    private int _emptySlots;

    public string SweepId { get; } = sweepId;

    public int Count => _order.Count;

    /// <summary>Planned results not folded yet, or null while the plan is not known.</summary>
    public int? Unfolded => _slotOf is null ? null : _emptySlots;

    /// <summary>The results in the order they were folded.</summary>
    public IEnumerable<TaskGraded> Entries
    {
        get
        {
            for (var i = 0; i < _order.Count; i++)
                yield return At(i);
        }
    }

    /// <summary>
    /// Makes a slot for each planned result not folded yet. Called once, with the sweep's plan (or with no keys, for a
    /// ledger known to be complete); a later call changes nothing (a sweep's plan is persisted once). A key given twice
    /// gets one slot.
    /// </summary>
    public void Reserve(IEnumerable<ResultKey> planned)
    {
        if (_slotOf is not null)
            return;
        var slotOf = new Dictionary<ResultKey, int>();
        var keys = new List<ResultKey>();
        foreach (var key in planned)
        {
            if (_withoutSlot.ContainsKey(key) || !slotOf.TryAdd(key, keys.Count))
                continue;
            keys.Add(key);
        }

        (_slotOf, _slotKeys, _slots, _emptySlots) = (slotOf, [.. keys], new StoredResult[keys.Count], keys.Count);
        _order.Capacity = Math.Max(_order.Capacity, _order.Count + keys.Count);
    }

    /// <summary>Folds one result. Returns false when it was already folded (or belongs to another sweep).</summary>
    public bool Apply(TaskGraded graded)
    {
        if (graded.SweepId != SweepId)
            return false;
        var key = graded.Key;
        if (_slotOf is not null && _slotOf.TryGetValue(key, out var slot))
        {
            if (_slots[slot].IsSet)
                return false;
            _slots[slot] = StoredResult.Of(graded);
            _emptySlots--;
            _order.Add(slot);
            return true;
        }

        if (!_withoutSlot.TryAdd(key, graded))
            return false;
        _order.Add(~_withoutSlotInOrder.Count);
        _withoutSlotInOrder.Add(graded);
        return true;
    }

    /// <summary>The <paramref name="index"/>-th result folded.</summary>
    public TaskGraded At(int index)
    {
        var place = _order[index];
        return place >= 0 ? _slots[place].ToGraded(SweepId, _slotKeys[place]) : _withoutSlotInOrder[~place];
    }

    /// <summary>The results folded after the first <paramref name="start"/>, in a new list.</summary>
    public List<TaskGraded> Since(int start)
    {
        var since = new List<TaskGraded>(Math.Max(0, _order.Count - start));
        for (var i = start; i < _order.Count; i++)
            since.Add(At(i));
        return since;
    }

    public static EarningsLedger FromEntries(string sweepId, IEnumerable<TaskGraded> entries)
    {
        var ledger = new EarningsLedger(sweepId);
        foreach (var entry in entries)
            ledger.Apply(entry);
        return ledger;
    }
}
