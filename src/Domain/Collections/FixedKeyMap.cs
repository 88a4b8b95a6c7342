using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SweLancer.Domain.Collections;

/// <summary>
/// An immutable map whose possible keys are fixed when it is made (a sweep's planned attempts, its tasks): the keys'
/// positions are shared by every version, and the values are a <see cref="PersistentArray{T}"/>. Setting a key copies
/// only a short path, and the memory every version holds is the size of the key set, however many keys are set.
/// </summary>
public sealed class FixedKeyMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue> where TKey : notnull
{
    private readonly KeySet _keys;
    private readonly PersistentArray<Slot> _slots;

    private FixedKeyMap(KeySet keys, PersistentArray<Slot> slots, int count)
    {
        _keys = keys;
        _slots = slots;
        Count = count;
    }

    /// <summary>A map with none of <paramref name="keys"/> set yet. A key given twice is one key.</summary>
    public static FixedKeyMap<TKey, TValue> Over(IEnumerable<TKey> keys, IEqualityComparer<TKey>? comparer = null)
    {
        var set = KeySet.Of(keys, comparer);
        return new FixedKeyMap<TKey, TValue>(set, PersistentArray<Slot>.OfLength(set.InOrder.Length), 0);
    }

    public int Count { get; }

    public TValue this[TKey key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entry for {key}.");

    public IEnumerable<TKey> Keys => this.Select(e => e.Key);

    public IEnumerable<TValue> Values => this.Select(e => e.Value);

    /// <summary>Whether <paramref name="key"/> is one of the keys the map was made over (set or not).</summary>
    public bool IsKey(TKey key) => _keys.Positions.ContainsKey(key);

    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_keys.Positions.TryGetValue(key, out var position) && _slots[position] is { IsSet: true } slot)
        {
            value = slot.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>This map with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The key is not one the map was made over.</exception>
    public FixedKeyMap<TKey, TValue> SetItem(TKey key, TValue value)
    {
        var position = PositionOf(key);
        var added = _slots[position].IsSet ? 0 : 1;
        return new FixedKeyMap<TKey, TValue>(_keys, _slots.SetItem(position, new Slot(true, value)), Count + added);
    }

    /// <summary>This map with every entry of <paramref name="entries"/> set; many at once are copied in one pass.</summary>
    /// <exception cref="ArgumentException">A key is not one the map was made over.</exception>
    public FixedKeyMap<TKey, TValue> SetItems(IReadOnlyCollection<KeyValuePair<TKey, TValue>> entries)
    {
        // Path copies cost about a leaf and a node per level each; past a few per leaf, one copy of the whole is cheaper.
        if (entries.Count < _keys.InOrder.Length / 8)
            return entries.Aggregate(this, (map, entry) => map.SetItem(entry.Key, entry.Value));

        var slots = _slots.ToArray();
        var count = Count;
        foreach (var (key, value) in entries)
        {
            ref var slot = ref slots[PositionOf(key)];
            count += slot.IsSet ? 0 : 1;
            slot = new Slot(true, value);
        }

        return new FixedKeyMap<TKey, TValue>(_keys, PersistentArray<Slot>.Of(slots), count);
    }

    /// <summary>The set entries, in the order the keys were given.</summary>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        for (var position = 0; position < _keys.InOrder.Length; position++)
            if (_slots[position] is { IsSet: true } slot)
                yield return KeyValuePair.Create(_keys.InOrder[position], slot.Value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int PositionOf(TKey key) => _keys.Positions.TryGetValue(key, out var position) ? position
        : throw new ArgumentException($"{key} is not one of the map's keys.", nameof(key));

    private readonly record struct Slot(bool IsSet, TValue Value);

    // Built once and shared by every version of the map.
    private sealed record KeySet(Dictionary<TKey, int> Positions, TKey[] InOrder)
    {
        public static KeySet Of(IEnumerable<TKey> keys, IEqualityComparer<TKey>? comparer)
        {
            var positions = new Dictionary<TKey, int>(comparer);
            var inOrder = new List<TKey>();
            foreach (var key in keys)
                if (positions.TryAdd(key, inOrder.Count))
                    inOrder.Add(key);
            return new KeySet(positions, [.. inOrder]);
        }
    }
}
