namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// What the official images need back after all capabilities are dropped: their run.sh runs as root, writes
/// /etc/hosts, starts nginx on port 80 and drops to other users for services, and pkill ends the test's processes.
/// NET_RAW, NET_ADMIN, SYS_* and the rest stay dropped.
/// </summary>
public static class ProtocolCapabilities
{
    public static IReadOnlyList<string> Needed { get; } = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID", "KILL", "NET_BIND_SERVICE"];
}
