using Docker.DotNet.Models;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// Turns a <see cref="ContainerSpec"/> into create parameters. Whatever a runner asks for, every container gets the
/// pool's labels, its limits with no swap, all capabilities dropped but those named, no-new-privileges, and never
/// privileged mode: a submission runs code in it, so these are not a runner's to relax.
/// </summary>
public static class ContainerSpecBuilder
{
    public static CreateContainerParameters Build(ContainerSpec spec, string nodeId, string sweepId) => new()
    {
        Image = spec.Image,
        Entrypoint = spec.Entrypoint?.ToList(),
        Cmd = spec.Cmd?.ToList(),
        WorkingDir = spec.WorkingDir,
        User = spec.User,
        Env = spec.Environment?.Select(e => $"{e.Key}={e.Value}").ToList(),
        Labels = new Dictionary<string, string>
        {
            [ContainerLabels.Owner] = ContainerLabels.OwnerValue,
            [ContainerLabels.Node] = nodeId,
            [ContainerLabels.Sweep] = sweepId,
        },
        HostConfig = new HostConfig
        {
            Memory = spec.Limits.MemoryBytes,
            MemorySwap = spec.Limits.MemoryBytes, // no swap: the memory limit is the limit
            NanoCPUs = spec.Limits.NanoCpus,
            PidsLimit = spec.Limits.Pids,
            NetworkMode = spec.NetworkMode,
            Privileged = false,
            CapDrop = ["ALL"],
            CapAdd = spec.CapAdd?.ToList() ?? [],
            SecurityOpt = ["no-new-privileges"],
            ReadonlyRootfs = spec.ReadOnlyRoot,
            Tmpfs = spec.Tmpfs?.ToDictionary(t => t.Key, t => t.Value),
            Mounts = spec.Volumes?.Select(folder => new Mount { Type = "volume", Target = folder }).ToList(),
        },
    };
}
