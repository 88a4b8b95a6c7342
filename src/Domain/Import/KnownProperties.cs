using System.Text;
using System.Text.Json;

namespace SweLancer.Domain.Import;

/// <summary>
/// The property names an object may have. Matched against the document's UTF-8 bytes, so checking a property allocates
/// nothing (reading each name as a string cost one allocation per property of every task).
/// </summary>
internal sealed class KnownProperties(params string[] names)
{
    private readonly byte[][] _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];

    public bool Contains(JsonProperty property)
    {
        foreach (var name in _utf8)
        {
            if (property.NameEquals(name))
                return true;
        }
        return false;
    }

    /// <summary>The names as an error message lists them, in the order given.</summary>
    public override string ToString() => string.Join(", ", names);
}
