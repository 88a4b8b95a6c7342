using System.Text;

namespace SweLancer.Domain.Import;

/// <summary>
/// Typed lookups into values returned by <see cref="PythonLiteral.Parse"/>. A path segment that is a
/// <see cref="string"/> indexes a dict; an <see cref="int"/> indexes a list (negative counts from the end,
/// as in Python). Error messages spell the path the way Python would, e.g. <c>['game']['correct_proposal']</c>.
/// </summary>
public static class PyPath
{
    /// <summary>The value at <paramref name="path"/>, or null when any step is missing or of the wrong kind.</summary>
    public static object? Find(object? root, params object[] path)
    {
        var current = root;
        foreach (var segment in path)
        {
            if (!TryStep(current, segment, out current))
                return null;
        }
        return current;
    }

    /// <summary>The value at <paramref name="path"/> (which may be None/null).</summary>
    /// <exception cref="PyPathException">A step is missing or indexes the wrong kind of value.</exception>
    public static object? Get(object? root, params object[] path)
    {
        var current = root;
        for (var i = 0; i < path.Length; i++)
        {
            if (TryStep(current, path[i], out var next))
            {
                current = next;
                continue;
            }
            var at = Describe(path.AsSpan(0, i));
            var what = path[i] is string key ? $"key '{key}'" : $"index {path[i]}";
            throw new PyPathException(current switch
            {
                Dictionary<string, object?> when path[i] is string => $"{at} has no {what}",
                List<object?> list when path[i] is int => $"{at} has no {what} (it has {list.Count} items)",
                _ => $"{at} is {KindOf(current)}, so it has no {what}",
            });
        }
        return current;
    }

    /// <summary>The string at <paramref name="path"/>.</summary>
    /// <exception cref="PyPathException">Missing, or not a string.</exception>
    public static string GetString(object? root, params object[] path) =>
        Get(root, path) as string ?? throw new PyPathException($"{Describe(path)} is {KindOf(Get(root, path))}, expected a string");

    /// <summary>The list at <paramref name="path"/>.</summary>
    /// <exception cref="PyPathException">Missing, or not a list/tuple/set.</exception>
    public static List<object?> GetList(object? root, params object[] path) =>
        Get(root, path) as List<object?> ?? throw new PyPathException($"{Describe(path)} is {KindOf(Get(root, path))}, expected a list");

    /// <summary>An id (str or int) at <paramref name="path"/>, as invariant text: <c>4</c> -> "4".</summary>
    /// <exception cref="PyPathException">Missing, None, or not a str/int.</exception>
    public static string GetIdText(object? root, params object[] path)
    {
        var value = Get(root, path);
        return IsId(value)
            ? PythonLiteral.ToInvariantText(value)
            : throw new PyPathException($"{Describe(path)} is {KindOf(value)}, expected a str or int id");
    }

    /// <summary>True for values usable as ids: strings and integers.</summary>
    public static bool IsId(object? value) => value is string or long or System.Numerics.BigInteger;

    /// <summary>The path in Python subscript form, e.g. <c>['game']['all_formal_proposals'][0]</c>; "the value" when empty.</summary>
    public static string Describe(ReadOnlySpan<object> path)
    {
        if (path.IsEmpty)
            return "the value";
        var sb = new StringBuilder();
        foreach (var segment in path)
            sb.Append(segment is string s ? $"['{s}']" : $"[{segment}]");
        return sb.ToString();
    }

    /// <summary>A short human name for the kind of a parsed value, for messages.</summary>
    public static string KindOf(object? value) => value switch
    {
        null => "None",
        string => "a string",
        bool => "a bool",
        long or System.Numerics.BigInteger => "an int",
        double => "a float",
        List<object?> => "a list",
        Dictionary<string, object?> => "a dict",
        _ => value.GetType().Name,
    };

    private static bool TryStep(object? current, object segment, out object? next)
    {
        next = null;
        switch (current, segment)
        {
            case (Dictionary<string, object?> dict, string key):
                return dict.TryGetValue(key, out next);
            case (List<object?> list, int index):
                var i = index < 0 ? list.Count + index : index;
                if (i < 0 || i >= list.Count)
                    return false;
                next = list[i];
                return true;
            default:
                return false;
        }
    }
}
