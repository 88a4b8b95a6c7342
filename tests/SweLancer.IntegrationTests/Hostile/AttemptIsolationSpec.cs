using System.Net;
using System.Net.Sockets;
using SweLancer.IntegrationTests.Infrastructure;
using Xunit;

namespace SweLancer.IntegrationTests.Hostile;

/// <summary>
/// One attempt's container tries to reach another attempt's server and a listener on the grader's host (through the
/// bridge's gateway). On a plain internal network both get through; on the pool's network neither does.
/// </summary>
[Trait("Needs", "Docker")]
public sealed class AttemptIsolationSpec() : NodePoolSpec("isolation-spec", slots: 2)
{
    [Fact]
    public async Task An_attempt_reaches_neither_another_attempt_nor_the_host()
    {
        using var host = new TcpListener(IPAddress.Any, 0);
        host.Start();
        var hostPort = ((IPEndPoint)host.LocalEndpoint).Port;
        var hostConnections = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await host.AcceptTcpClientAsync(Ct);
                    Interlocked.Increment(ref hostConnections);
                }
            }
            catch (Exception)
            {
                // stopped
            }
        }, Ct);

        // The attack first, on a plain internal network (what the pool used before).
        var plain = "isolation-plain-" + Guid.NewGuid().ToString("N")[..6];
        DockerFixture.Docker("network", "create", "--internal", plain);
        try
        {
            var gateway = DockerFixture.Docker("network", "inspect", plain, "-f", "{{(index .IPAM.Config 0).Gateway}}");
            var server = DockerFixture.Docker("run", "-d", "--network", plain, DockerFixture.ProbeImage, "sh", "-c", "nc -l -p 8080 > /tmp/got; sleep 30");
            try
            {
                var serverIp = DockerFixture.Docker("inspect", server, "-f", $"{{{{(index .NetworkSettings.Networks \"{plain}\").IPAddress}}}}");
                // Retried: `docker run -d` returns once the neighbour's container runs, not once its nc listens.
                var attack = DockerFixture.Docker("run", "--rm", "--network", plain, DockerFixture.ProbeImage, "sh", "-c",
                    $"i=0; while [ $i -lt 40 ]; do echo junk | nc -w 2 {serverIp} 8080 && {{ echo neighbour-reached; break; }}; sleep 0.5; i=$((i+1)); done; " +
                    $"nc -w 2 {gateway} {hostPort} </dev/null && echo host-reached; true");
                Assert.Contains("neighbour-reached", attack);
                Assert.Contains("host-reached", attack);
            }
            finally
            {
                DockerFixture.Docker("rm", "-f", server);
            }
        }
        finally
        {
            DockerFixture.Docker("network", "rm", plain);
        }
        for (var deadline = DateTime.UtcNow.AddSeconds(30); Volatile.Read(ref hostConnections) == 0 && DateTime.UtcNow < deadline; )
            await Task.Delay(100, Ct); // the accept loop may lag on a busy host
        Assert.True(hostConnections > 0);
        Interlocked.Exchange(ref hostConnections, 0);

        // The pool's containers.
        await using var victim = await Pool.LeaseAsync(DockerFixture.ProbeImage, "isolation", Ct);
        await using var attacker = await Pool.LeaseAsync(DockerFixture.ProbeImage, "isolation", Ct);
        await victim.ExecAsync(["sh", "-c", "(nc -l -p 8080 > /tmp/got &) ; sleep 0.3"], "/", Ct);
        var gatewayIp = string.Join('.', victim.IpAddress.Split('.')[..3]) + ".1";
        var tries = await attacker.ExecAsync(["sh", "-c",
            $"echo junk | nc -w 2 {victim.IpAddress} 8080 && echo neighbour-reached; nc -w 2 {gatewayIp} {hostPort} </dev/null && echo host-reached; true"], "/", Ct);
        var got = await victim.ExecAsync(["sh", "-c", "cat /tmp/got"], "/", Ct);

        Assert.DoesNotContain("neighbour-reached", tries.Output);
        Assert.DoesNotContain("host-reached", tries.Output);
        Assert.Equal("", got.Stdout.Trim());
        await Task.Delay(500, Ct);
        Assert.Equal(0, hostConnections);
        Assert.Null(Pool.IsolationProblem);
    }
}
