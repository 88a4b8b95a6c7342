namespace SweLancer.GraderNode.Containers;

/// <summary>
/// The --container-user value: a user and optional group, each a number or a name the image knows, as `docker run
/// --user` takes them. Checked before any container is made, so a typo is named at start-up, not as a failed start per task.
/// </summary>
public static class ContainerUser
{
    /// <summary>Why <paramref name="value"/> is not a user[:group], or null when it is.</summary>
    public static string? Problem(string value)
    {
        var parts = value.Split(':');
        if (parts.Length > 2)
            return $"'{value}' has more than one ':'; give user or user:group, e.g. 65534:65534.";
        foreach (var part in parts)
        {
            if (part.Length == 0)
                return $"'{value}' has an empty user or group; give user or user:group, e.g. 65534:65534.";
            if (part.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
                return $"'{value}' may hold only letters, digits, '_', '-', '.' and one ':'.";
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is root by number (0, 00, …) or by name (the user part only). Another name that an
    /// image maps to uid 0 is not seen here: its containers would get a read-only root whose volumes take root's writes
    /// unmeasured, so give root as 0 or root (docs/security.md).
    /// </summary>
    public static bool IsRoot(string value)
    {
        var user = value.Split(':')[0];
        return user == "root" || (user.Length > 0 && user.All(c => c == '0'));
    }
}
