using System.Security.Cryptography.X509Certificates;
using SweLancer.Hosting.Remoting;
using SweLancer.Tests.Shared;
using Xunit;

using SweLancer.Hosting.Nodes;

namespace SweLancer.Tests.Hosting.Remoting;

/// <summary>Loading the remoting certificate, naming what is wrong, and who the peer check lets in (no ActorSystem).</summary>
public sealed class RemotingTlsSpec
{
    [Fact]
    public void A_password_protected_pkcs12_loads_with_its_key()
    {
        using var dir = new TempDir();
        using var made = TestCertificates.SelfSigned();
        var path = TestCertificates.WritePkcs12(made, dir.File("node.pfx"), "s3cret");
        using var loaded = RemotingCertificate.Load(path, null, "s3cret");
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void A_pem_certificate_and_key_load_as_a_kubernetes_tls_secret_gives_them()
    {
        using var dir = new TempDir();
        using var made = TestCertificates.SelfSigned();
        var (crt, key) = TestCertificates.WritePem(made, dir.Path, "tls");
        using var loaded = RemotingCertificate.Load(crt, key, null);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void A_wrong_password_names_the_file()
    {
        using var dir = new TempDir();
        using var made = TestCertificates.SelfSigned();
        var path = TestCertificates.WritePkcs12(made, dir.File("node.pfx"), "right");
        var error = Assert.Throws<RemotingTlsException>(() => RemotingCertificate.Load(path, null, "wrong"));
        Assert.Contains(path, error.Message);
        Assert.DoesNotContain("right", error.Message);
    }

    [Fact]
    public void A_missing_file_names_the_flag_and_the_path()
    {
        var error = Assert.Throws<RemotingTlsException>(() => RemotingCertificate.Load("/nonexistent/node.pfx", null, null));
        Assert.Equal("--remoting-tls-certificate: '/nonexistent/node.pfx' does not exist or is not readable.", error.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        using var dir = new TempDir();
        using var made = TestCertificates.SelfSigned();
        var path = dir.File("public.pfx");
        // The public part alone, as PKCS#12: anyone could copy it from a handshake.
        File.WriteAllBytes(path, X509CertificateLoader.LoadCertificate(made.RawData).Export(X509ContentType.Pkcs12));
        var error = Assert.Throws<RemotingTlsException>(() => RemotingCertificate.Load(path, null, null));
        Assert.Contains("no private key", error.Message);
    }

    [Fact]
    public void An_expired_certificate_is_refused_with_its_dates()
    {
        using var dir = new TempDir();
        using var made = TestCertificates.SelfSigned(notBefore: DateTimeOffset.UtcNow.AddDays(-10), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var path = TestCertificates.WritePkcs12(made, dir.File("old.pfx"), null);
        Assert.Contains("not now", Assert.Throws<RemotingTlsException>(() => RemotingCertificate.Load(path, null, null)).Message);
    }

    [Fact]
    public void Tls_flags_without_a_certificate_are_an_error()
    {
        var error = Assert.Throws<RemotingTlsException>(() => RemotingTlsOptions.Load(null, null, "/run/secrets/pw", null));
        Assert.Contains("need --remoting-tls-certificate", error.Message);
    }

    [Fact]
    public void No_certificate_means_plain_tcp() => Assert.Null(RemotingTlsOptions.Load(null, null, null, null));

    [Fact]
    public void The_password_file_loses_its_trailing_newline()
    {
        using var dir = new TempDir();
        using var made = TestCertificates.SelfSigned();
        var path = TestCertificates.WritePkcs12(made, dir.File("node.pfx"), "pw");
        var tls = RemotingTlsOptions.Load(path, null, dir.Write("password", "pw\n"), null);
        Assert.Equal(made.Thumbprint, tls!.Certificate.Thumbprint);
    }

    [Fact]
    public void Only_the_cluster_certificate_is_let_in()
    {
        using var own = TestCertificates.SelfSigned();
        using var stranger = TestCertificates.SelfSigned(); // same subject, other key: what an attacker can make
        var peers = new PinnedPeer(own);
        Assert.Null(peers.Refusal(X509CertificateLoader.LoadCertificate(own.RawData)));
        Assert.Contains("is not the cluster's", peers.Refusal(stranger));
        Assert.Equal("the peer presented no certificate", peers.Refusal(null));
    }

    [Fact]
    public void With_a_cluster_ca_its_certificates_are_let_in_and_others_not()
    {
        using var ca = TestCertificates.Authority();
        using var otherCa = TestCertificates.Authority("CN=other-ca");
        using var own = TestCertificates.IssuedBy(ca, "CN=grader-0");
        using var sibling = TestCertificates.IssuedBy(ca, "CN=grader-1");
        using var outsider = TestCertificates.IssuedBy(otherCa, "CN=grader-1");
        var peers = new PinnedPeer(own, X509CertificateLoader.LoadCertificate(ca.RawData));
        Assert.Null(peers.Refusal(sibling));
        Assert.Contains("nor issued by the cluster CA", peers.Refusal(outsider));
        Assert.Contains("is not the cluster's", peers.Refusal(TestCertificates.SelfSigned("CN=grader-1")));
    }

    [Theory]
    [InlineData("akka.tcp://swelancer@10.0.0.1:4053", "akka.ssl.tcp://swelancer@10.0.0.1:4053")]
    [InlineData("akka.ssl.tcp://swelancer@h:1", "akka.ssl.tcp://swelancer@h:1")]
    public void Seeds_take_the_tls_scheme(string seed, string expected) => Assert.Equal(expected, RemotingTls.SeedFor(seed));
}
