namespace SweLancer.GraderNode.Containers;

/// <summary>How a command run inside a container ended.</summary>
public sealed record ExecResult(long ExitCode, string Stdout, string Stderr)
{
    public string Output => (Stdout + Stderr).Trim();
}
