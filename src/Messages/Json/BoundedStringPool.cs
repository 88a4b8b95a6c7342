using System.Collections.Concurrent;

namespace SweLancer.Messages.Json;

/// <summary>
/// Hands out one shared instance per distinct string, up to <see cref="Capacity"/> strings; past that it stops pooling
/// (new strings come back as fresh copies), so a stream of unique values cannot grow it without end. Nothing is removed.
/// </summary>
public sealed class BoundedStringPool
{
    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // ConcurrentDictionary.Count takes every lock of the dictionary; a miss must not, so the pool counts its own adds.
    private int _count;

    public BoundedStringPool(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The pooled instance equal to <paramref name="text"/>, or a new string when it is not pooled and the pool is full.</summary>
    public string Share(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var shared))
            return shared;
        var copy = new string(text);
        if (Count >= Capacity)
            return copy;
        if (_pool.TryAdd(copy, copy))
        {
            Interlocked.Increment(ref _count);
            return copy;
        }

        return _pool[copy]; // another caller pooled it first
    }
}
