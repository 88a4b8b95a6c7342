namespace SweLancer.Domain.Import;

/// <summary>
/// The rule both pool formats apply to a manager task: when its proposals are given (even as an empty list), the
/// correct one must be among them. Otherwise nobody can win the task, yet its price would count as available.
/// </summary>
internal static class ManagerProposals
{
    public static bool Allows(string correctId, IReadOnlyCollection<string> ids) => ids.Contains(correctId, StringComparer.Ordinal);

    public static string NotAmong(string correctId, IReadOnlyCollection<string> ids) =>
        $"correct proposal id '{correctId}' is not among the proposals ({(ids.Count == 0 ? "none given" : string.Join(", ", ids))})";

    /// <summary>
    /// Null, or the problem with an id that holds a lone UTF-16 surrogate (a Python literal may write '\ud800'): it is no
    /// character, cannot be stored as UTF-8 and no submission (refused with it) could ever match it.
    /// </summary>
    public static string? LoneSurrogateProblem(string id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            if (char.IsHighSurrogate(id[i]) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
                i++;
            else if (char.IsSurrogate(id[i]))
                return $"proposal id holds a lone UTF-16 surrogate (\\u{(int)id[i]:x4}), which is no character";
        }
        return null;
    }
}
