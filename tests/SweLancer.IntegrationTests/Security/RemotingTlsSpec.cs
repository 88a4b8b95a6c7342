using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Security;

/// <summary>
/// Remoting over TLS: a coordinator (PKCS#12 with a password file) and a grader (PEM certificate and key, as a
/// Kubernetes TLS Secret) sharing the cluster certificate form a cluster and grade a sweep. Attacked first: a node with
/// a certificate of its own (same subject, other key) and a node speaking plain TCP never join, and a raw TLS client
/// without the cluster certificate is cut off, while one with it completes the handshake.
/// </summary>
public sealed class RemotingTlsSpec
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Nodes_with_the_cluster_certificate_grade_and_nodes_without_it_are_refused()
    {
        using var bounded = new CancellationTokenSource(Bound);
        using var dir = new TempDir();
        using var cluster = TestCertificates.SelfSigned("CN=swelancer-cluster");
        using var stranger = TestCertificates.SelfSigned("CN=swelancer-cluster");
        var pfx = TestCertificates.WritePkcs12(cluster, dir.File("cluster.pfx"), "cluster-pw");
        var (crt, key) = TestCertificates.WritePem(cluster, dir.Path, "tls");
        var (strangerCrt, strangerKey) = TestCertificates.WritePem(stranger, dir.Path, "stranger");
        var pool = DemoManagerPool.Write(dir.Path);

        await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 1, slotsPerGrader: 1,
            graderEnvironment: new Dictionary<string, string> { ["SWELANCER_REMOTING_TLS_CERTIFICATE"] = crt, ["SWELANCER_REMOTING_TLS_KEY"] = key },
            coordinatorArgs: ["--remoting-tls-certificate", pfx, "--remoting-tls-password-file", dir.Write("pw", "cluster-pw\n")]);
        var coordinatorPort = rig.RemotingPorts.First();
        Assert.Contains("akka.ssl.tcp://swelancer@127.0.0.1", rig.Graders.Values.Single().Output);

        // The wire: the server presents the cluster certificate and keeps a client that has it, and cuts off the others.
        Assert.Equal(cluster.Thumbprint, await HandshakeAsync(coordinatorPort, cluster));
        Assert.True(await IsCutOffAsync(coordinatorPort, stranger), "a client with a stranger's certificate was kept");
        Assert.True(await IsCutOffAsync(coordinatorPort, null), "a client without a certificate was kept");

        // Nodes that lack the certificate never join, however long they try.
        var seeds = $"akka.tcp://swelancer@127.0.0.1:{coordinatorPort}";
        var intruders = new[]
        {
            StartIntruder(dir, "intruder-stranger", seeds, new() { ["SWELANCER_REMOTING_TLS_CERTIFICATE"] = strangerCrt, ["SWELANCER_REMOTING_TLS_KEY"] = strangerKey }),
            StartIntruder(dir, "intruder-plain", seeds, []),
        };
        try
        {
            await rig.SubmitAsync(pool, "tls-sweep");
            var end = await rig.WaitFinishedAsync("tls-sweep", TimeSpan.FromMinutes(2));
            Assert.Equal((pool.Tasks, pool.Passed, pool.EarnedUsd, pool.AvailableUsd), (end.LedgerGraded, end.Passed, end.EarnedUsd, end.AvailableUsd));

            foreach (var (process, _) in intruders)
            {
                while (!process.HasExited)
                    await Task.Delay(250, bounded.Token);
                Assert.Contains("did not join the cluster", process.Output);
            }

            var nodes = await rig.Api.GetStringAsync("api/nodes", bounded.Token);
            foreach (var (_, port) in intruders)
                Assert.DoesNotContain($":{port}", nodes);
            var log = File.ReadAllText(Path.Combine(rig.Folder, "coordinator.log"));
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', log.Split('\n').Where(l => l.Contains("TLS", StringComparison.Ordinal)).Take(6)));
            Assert.Contains("Remoting TLS refused", log);
            Assert.Contains("is not the cluster's", log);
            Assert.Contains("TLS handshake failed", log);
        }
        finally
        {
            foreach (var (process, _) in intruders)
                process.Dispose();
        }
    }

    private static (NodeProcess Process, int Port) StartIntruder(TempDir dir, string name, string seeds, Dictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var process = NodeProcess.Start(name, ClusterRig.GraderDll, environment,
            "--seed-nodes", seeds, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--node-id", $"it-{name}-{Guid.NewGuid().ToString("N")[..6]}",
            "--join-timeout-seconds", "20", "--log", dir.File(name + ".log"), "--artefacts", dir.File(name));
        return (process, port);
    }

    /// <summary>A TLS client handshake with the given client certificate; returns the server certificate's thumbprint.</summary>
    private static async Task<string> HandshakeAsync(int port, X509Certificate2 client)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var tls = new SslStream(tcp.GetStream(), false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1", ClientCertificates = [client], RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        Assert.False(await IsClosedWithinAsync(tls, TimeSpan.FromSeconds(3)), "the server cut off a client holding the cluster certificate");
        return tls.RemoteCertificate!.GetCertHashString();
    }

    /// <summary>True when the server refuses the handshake or closes the connection right after it (TLS 1.3 checks the client's certificate after the client is done).</summary>
    private static async Task<bool> IsCutOffAsync(int port, X509Certificate2? client)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var tls = new SslStream(tcp.GetStream(), false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1", ClientCertificates = client is null ? [] : [client], RemoteCertificateValidationCallback = (_, _, _, _) => true,
            });
        }
        catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException)
        {
            return true;
        }

        return await IsClosedWithinAsync(tls, TimeSpan.FromSeconds(5));
    }

    private static async Task<bool> IsClosedWithinAsync(SslStream tls, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await tls.ReadAsync(new byte[1], timeout.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
        {
            return true;
        }
    }
}
