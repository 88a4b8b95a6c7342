using System.Diagnostics;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// Ready when a file in the container holds the expected text (SWE-Lancer's images write "done" to /setup_done.txt),
/// polled every <paramref name="Poll"/> within <paramref name="Budget"/>. A container that stops meanwhile fails at once.
/// </summary>
public sealed record FileContentReadiness(string Path, string Expected, TimeSpan Budget, TimeSpan Poll) : IReadinessStrategy
{
    public async Task WaitAsync(ContainerLease container, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var read = await container.RunStepAsync($"reading {Path}", ["sh", "-c", $"cat {Path} 2>/dev/null"], null, cancellation);
            if (read.ExitCode == 0 && read.Stdout.Trim() == Expected)
                return;
            var state = (await container.InspectAsync(cancellation)).State;
            if (!state.Running)
                throw new InfrastructureException($"container {container.Id[..12]} stopped during setup (exit {state.ExitCode}) before {Path} read '{Expected}'", retryable: true);
            if (Stopwatch.GetElapsedTime(started) + Poll > Budget)
                throw new InfrastructureException($"setup did not finish within {Budget.TotalSeconds:0.#} s: {Path} never read '{Expected}'", retryable: true);
            await Task.Delay(Poll, cancellation);
        }
    }
}
