using SweLancer.GraderNode.Containers;
using SweLancer.IntegrationTests.Infrastructure;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>A test command that writes 300 MB to stdout costs the grader a bounded amount of memory: head and tail kept.</summary>
[Trait("Needs", "Docker")]
public sealed class OutputFloodSpec() : NodePoolSpec("flood-spec", slots: 1)
{
    [Fact]
    public async Task A_stdout_flood_is_streamed_not_buffered()
    {
        const long flood = 300L * 1024 * 1024;
        await using var lease = await Pool.LeaseAsync(DockerFixture.ProbeImage, "flood", Ct);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await lease.ExecAsync(["sh", "-c", $"echo START; head -c {flood} /dev/zero | tr '\\0' x; echo; echo END"], "/", Ct);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("START", result.Stdout);
        Assert.EndsWith("END\n", result.Stdout);
        Assert.Contains("bytes of output omitted", result.Stdout);
        Assert.True(result.Stdout.Length < 2 * BoundedOutput.DefaultHalf + 200, $"kept {result.Stdout.Length} chars");
        // Buffering the flood would allocate at least its size (twice, as a string); streaming allocates a small fraction.
        Assert.True(allocated < flood / 4, $"allocated {allocated:N0} bytes while reading {flood:N0}");
    }
}
