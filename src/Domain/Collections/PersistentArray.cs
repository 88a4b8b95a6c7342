namespace SweLancer.Domain.Collections;

/// <summary>
/// An immutable array of fixed length whose <see cref="SetItem"/> copies only the path to one element (a 32-way trie):
/// each version costs a few hundred bytes of short-lived copies, and what the versions hold stays the size of the
/// array. A sweep sets one element per result, so its state no longer grows by a tree node with each result.
/// </summary>
public sealed class PersistentArray<T>
{
    private const int Bits = 5;
    private const int Width = 1 << Bits;
    private const int Mask = Width - 1;

    // A leaf is a T[], every other node an object[]: nodes are never changed once built, so unset subtrees share one.
    private readonly object _root;
    private readonly int _shift;

    private PersistentArray(object root, int shift, int length)
    {
        _root = root;
        _shift = shift;
        Length = length;
    }

    public int Length { get; }

    /// <summary><paramref name="length"/> default elements.</summary>
    public static PersistentArray<T> OfLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var shift = ShiftFor(length);
        object node = new T[Width];
        for (var level = Bits; level <= shift; level += Bits)
            node = Enumerable.Repeat(node, Width).ToArray();
        return new PersistentArray<T>(node, shift, length);
    }

    /// <summary>The elements of <paramref name="values"/>, copied in one pass.</summary>
    public static PersistentArray<T> Of(ReadOnlySpan<T> values)
    {
        var shift = ShiftFor(values.Length);
        var nodes = new List<object>();
        for (var start = 0; start < values.Length || nodes.Count == 0; start += Width)
        {
            var leaf = new T[Width];
            values[start..Math.Min(values.Length, start + Width)].CopyTo(leaf);
            nodes.Add(leaf);
        }

        for (var level = Bits; level <= shift; level += Bits)
            nodes = nodes.Chunk(Width).Select(children => (object)Padded(children)).ToList();
        return new PersistentArray<T>(nodes[0], shift, values.Length);
    }

    public T this[int index]
    {
        get
        {
            CheckIndex(index);
            var node = _root;
            for (var shift = _shift; shift > 0; shift -= Bits)
                node = ((object[])node)[(index >> shift) & Mask];
            return ((T[])node)[index & Mask];
        }
    }

    /// <summary>A new version with <paramref name="value"/> at <paramref name="index"/>; this one is unchanged.</summary>
    public PersistentArray<T> SetItem(int index, T value)
    {
        CheckIndex(index);
        return new PersistentArray<T>(SetIn(_root, _shift, index, value), _shift, Length);
    }

    public T[] ToArray()
    {
        var values = new T[Length];
        for (var i = 0; i < Length; i++)
            values[i] = this[i];
        return values;
    }

    private static object SetIn(object node, int shift, int index, T value)
    {
        if (shift == 0)
        {
            var leaf = (T[])((T[])node).Clone();
            leaf[index & Mask] = value;
            return leaf;
        }

        var inner = (object[])((object[])node).Clone();
        var slot = (index >> shift) & Mask;
        inner[slot] = SetIn(inner[slot], shift - Bits, index, value);
        return inner;
    }

    private static object[] Padded(object[] children)
    {
        if (children.Length == Width)
            return children;
        var padded = new object[Width];
        children.CopyTo(padded, 0);
        // Past the end, never read: any node keeps the shape whole.
        for (var i = children.Length; i < Width; i++)
            padded[i] = children[0];
        return padded;
    }

    // The shift of the root's level: 0 when one leaf holds every element.
    private static int ShiftFor(int length)
    {
        var shift = 0;
        while (length > (long)Width << shift)
            shift += Bits;
        return shift;
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The array has {Length} elements.");
    }
}
