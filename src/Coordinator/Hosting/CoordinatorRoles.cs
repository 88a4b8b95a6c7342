using SweLancer.Messages.Sharding;

namespace SweLancer.Coordinator.Hosting;

/// <summary>
/// The roles of a `swelancer coordinator` process, from --roles: always the coordinator, and the grader role too when a
/// small cluster should also grade on the coordinator's machine.
/// </summary>
public sealed record CoordinatorRoles(bool AlsoGrades)
{
    public IReadOnlyList<string> Names => AlsoGrades ? [CoordinatorActorSystem.Role, GradingShards.Role] : [CoordinatorActorSystem.Role];

    /// <summary>Parses "coordinator" or "coordinator,grader" (any order, any case); throws ArgumentException naming what is wrong.</summary>
    public static CoordinatorRoles Parse(string raw)
    {
        var names = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToList();
        if (names.FirstOrDefault(n => n != CoordinatorActorSystem.Role && n != GradingShards.Role) is { } unknown)
            throw new ArgumentException($"--roles '{raw}': unknown role '{unknown}'; the roles are '{CoordinatorActorSystem.Role}' and '{GradingShards.Role}'.");
        if (!names.Contains(CoordinatorActorSystem.Role))
            throw new ArgumentException($"--roles '{raw}': swelancer coordinator always has the '{CoordinatorActorSystem.Role}' role; a node that only grades is swelancer-grader.");
        return new CoordinatorRoles(names.Contains(GradingShards.Role));
    }
}
