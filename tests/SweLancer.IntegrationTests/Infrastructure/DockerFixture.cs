using System.Diagnostics;
using SweLancer.GraderNode.Containers;
using SweLancer.Tests.Shared;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>The real Docker engine (DOCKER_HOST or the default socket) and the images the container specs use.</summary>
public static class DockerFixture
{
    public const string ProbeImage = "swelancer-probe/busybox:1";

    /// <summary>Builds the busybox probe image with scripts/build-probe-image.sh when it is missing.</summary>
    public static void EnsureProbeImage() =>
        RunScript(Path.Combine(SharedDataset.RepoRoot, "scripts", "build-probe-image.sh"));

    /// <summary>A pool whose node id is unique to the calling spec, so its containers can be told apart.</summary>
    /// <param name="user">Who the containers' app and tests run as; null is the pool's default (not root).</param>
    public static Task<ContainerPool> StartPoolAsync(string nodeId, int slots = 2, string? user = null) =>
        ContainerPool.StartAsync(DockerEndpoint.FromEnvironment(), ContainerPoolOptions.For(nodeId, slots, user));

    public static string Docker(params string[] args)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"docker {string.Join(' ', args)} failed: {output}");
        return output.Trim();
    }

    /// <summary>Ids of containers carrying this node's label, running or not.</summary>
    public static string[] ContainersOfNode(string nodeId) =>
        Docker("ps", "-a", "-q", "--filter", $"label={ContainerLabels.Owner}={ContainerLabels.OwnerValue}", "--filter", $"label={ContainerLabels.Node}={nodeId}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// This node's containers once it has none left, or what is still there after <paramref name="within"/>. A grading
    /// that was redelivered may still be finishing its duplicate when the sweep ends; it must remove its container too.
    /// </summary>
    public static async Task<string[]> ContainersLeftAsync(string nodeId, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var left = ContainersOfNode(nodeId);
            if (left.Length == 0 || DateTime.UtcNow > deadline)
                return left;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public static void RunScript(string script)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed: {output}");
    }
}
