namespace SweLancer.Coordinator.Import;

/// <summary>
/// The rule both pool formats apply to a manager task: when its proposals are given (even as an empty list), the
/// correct one must be among them. Otherwise nobody can win the task, yet its price would count as available.
/// </summary>
internal static class ManagerProposals
{
    public static bool Allows(string correctId, IReadOnlyCollection<string> ids) => ids.Contains(correctId, StringComparer.Ordinal);

    public static string NotAmong(string correctId, IReadOnlyCollection<string> ids) =>
        $"correct proposal id '{correctId}' is not among the proposals ({(ids.Count == 0 ? "none given" : string.Join(", ", ids))})";
}
