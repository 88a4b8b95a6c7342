using System.Diagnostics;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// An internal Docker network still lets its containers open connections to the host through the bridge's gateway
/// address (any host service bound to 0.0.0.0). This installs a host firewall rule that rejects new connections coming
/// in from the grading bridge; replies to the host's own connections (the browser runner's) still pass. It needs root
/// and iptables on the engine's host; where it cannot be installed, the reason is reported, never hidden.
/// </summary>
public static class HostGatewayGuard
{
    public static IReadOnlyList<string> Rule(string bridge) =>
        ["INPUT", "-i", bridge, "-m", "conntrack", "--ctstate", "NEW", "-j", "REJECT", "-m", "comment", "--comment", "swelancer: attempts may not reach the host"];

    /// <summary>Installs the rule once (checked first); returns why it could not be, or null when it holds.</summary>
    public static async Task<string?> EnsureAsync(string bridge, Uri engine)
    {
        if (!engine.IsFile && engine.Scheme != "unix")
            return $"the engine at {engine} is remote: add on its host: iptables -I {string.Join(' ', Rule(bridge))}";
        var check = await RunAsync(["-C", .. Rule(bridge)]);
        if (check.ExitCode == 0)
            return null;
        var insert = await RunAsync(["-I", .. Rule(bridge)]);
        return insert.ExitCode == 0 ? null : $"containers can reach this host through the gateway of bridge {bridge}: iptables refused the guard rule ({insert.Output.Trim()})";
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("iptables") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-w");
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, $"iptables is not installed: {ex.Message}");
        }
    }
}
