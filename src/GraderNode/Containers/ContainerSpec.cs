namespace SweLancer.GraderNode.Containers;

/// <summary>
/// Everything a grading container is created with, as plain data: the runners say what they need, and
/// <see cref="ContainerSpecBuilder"/> turns it into the engine's parameters with the pool's labels and guards added.
/// </summary>
/// <param name="Entrypoint">Null keeps the image's own entrypoint.</param>
/// <param name="Cmd">Null keeps the image's own command.</param>
/// <param name="NetworkMode">A network name, or "none" for loopback only.</param>
/// <param name="CapAdd">Capabilities given back after dropping all of them.</param>
/// <param name="Tmpfs">Bounded writable scratch mounts (path to mount options), e.g. for a read-only root.</param>
/// <param name="Volumes">Folders that each get an anonymous volume, filled from the image when the container is created and
/// removed with it: the places the harness installs into (the engine's archive API refuses a read-only root elsewhere).</param>
/// <param name="User">Who its processes run as (uid[:gid] or a name of the image); null keeps the image's own user.</param>
public sealed record ContainerSpec(
    string Image,
    ContainerLimits Limits,
    string NetworkMode,
    IReadOnlyList<string>? Entrypoint = null,
    IReadOnlyList<string>? Cmd = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    string? WorkingDir = null,
    IReadOnlyList<string>? CapAdd = null,
    bool ReadOnlyRoot = false,
    IReadOnlyDictionary<string, string>? Tmpfs = null,
    string? User = null,
    IReadOnlyList<string>? Volumes = null);
