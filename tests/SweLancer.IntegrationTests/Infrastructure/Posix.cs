using System.Diagnostics;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>Sends POSIX signals through kill(1); .NET's Process can only SIGKILL.</summary>
public static class Posix
{
    public static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString()]) ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -TERM {pid} exited with {kill.ExitCode}");
    }
}
