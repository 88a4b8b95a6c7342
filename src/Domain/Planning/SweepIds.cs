using System.Text.RegularExpressions;

namespace SweLancer.Domain.Planning;

/// <summary>Sweep ids name folders, persistence ids and tags, so they keep to a safe alphabet.</summary>
public static partial class SweepIds
{
    public static string New() => $"sweep-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    public static string? Problem(string id) => SafeId().IsMatch(id)
        ? null
        : $"--sweep-id '{id}' is not valid: use 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit.";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeId();
}
