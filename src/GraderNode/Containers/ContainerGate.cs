namespace SweLancer.GraderNode.Containers;

/// <summary>
/// Pool containers start (so they can be pre-warmed) but hold the image's own command back until the patches are in:
/// PID 1 is a small shell that waits for a go-file, then starts the image's command in the background and stays up,
/// so tests can still exec into the container when the model's app crashes. PID 1 ends as sleep itself (exec): the
/// kernel ignores signals sent to PID 1 from inside its namespace, so the model's code cannot stop the container and
/// have that counted as ours. It also ends the container after
/// <see cref="MaxLifetimeSeconds"/>, a last guard against a container the pool lost track of.
/// </summary>
public static class ContainerGate
{
    public const string GoFile = "/tmp/.swelancer-go";
    public const int MaxLifetimeSeconds = 4 * 3600;

    public static List<string> Entrypoint { get; } =
    [
        "/bin/sh", "-c",
        $"while [ ! -e {GoFile} ]; do sleep 0.1; done; if [ $# -gt 0 ]; then \"$@\" & fi; exec sleep {MaxLifetimeSeconds}",
        "swelancer-gate",
    ];

    public static IReadOnlyList<string> ReleaseCommand { get; } = ["/bin/sh", "-c", $"touch {GoFile}"];
}
