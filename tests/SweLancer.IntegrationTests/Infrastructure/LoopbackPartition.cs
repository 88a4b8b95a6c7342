using System.Diagnostics;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// Cuts one node off from the rest of a loopback cluster with iptables (needs root), and heals it. The node runs with
/// a group id of its own (setpriv), so its own packets can be told apart from its peers' on 127.0.0.1: everything it
/// sends to a peer's cluster port or from its own cluster port is dropped, and so is everything sent to its cluster
/// port. Its traffic to grading containers and the Docker socket is untouched, as in a real partition between nodes.
/// Every rule carries a comment of its own and is removed on healing or disposal.
/// </summary>
public sealed class LoopbackPartition : IDisposable
{
    private readonly List<string[]> _rules;
    private bool _active;

    public LoopbackPartition(int groupId, int nodePort, IEnumerable<int> peerPorts)
    {
        GroupId = groupId;
        var comment = new[] { "-m", "comment", "--comment", $"swelancer-it-partition-{Guid.NewGuid().ToString("N")[..8]}" };
        var peers = string.Join(',', peerPorts);
        _rules =
        [
            ["OUTPUT", "-m", "owner", "--gid-owner", $"{groupId}", "-p", "tcp", "-m", "multiport", "--dports", peers, .. comment, "-j", "DROP"],
            ["OUTPUT", "-m", "owner", "--gid-owner", $"{groupId}", "-p", "tcp", "--sport", $"{nodePort}", .. comment, "-j", "DROP"],
            ["INPUT", "-i", "lo", "-p", "tcp", "--dport", $"{nodePort}", .. comment, "-j", "DROP"],
        ];
    }

    public int GroupId { get; }

    /// <summary>How to start the node so the rules single it out.</summary>
    public IReadOnlyList<string> Launcher => ["setpriv", $"--regid={GroupId}", "--clear-groups"];

    public void Cut()
    {
        foreach (var rule in _rules)
            Iptables(["-I", .. rule]);
        _active = true;
    }

    public void Heal()
    {
        if (!_active)
            return;
        foreach (var rule in _rules)
            Iptables(["-D", .. rule]);
        _active = false;
    }

    public void Dispose() => Heal();

    private static void Iptables(string[] args)
    {
        var info = new ProcessStartInfo("iptables") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run iptables");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"iptables {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
    }
}
