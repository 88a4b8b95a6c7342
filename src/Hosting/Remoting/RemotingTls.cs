using System.Security.Cryptography.X509Certificates;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;


namespace SweLancer.Hosting.Remoting;

/// <summary>
/// TLS for Akka remoting: every connection is mutually authenticated (both sides present a certificate) and a peer is
/// accepted only when <see cref="PinnedPeer"/> says so. Off unless a certificate is configured.
/// </summary>
public sealed class RemotingTls(X509Certificate2 certificate, PinnedPeer peers)
{
    // Akka.Remote names a TLS transport's addresses akka.ssl.tcp; seeds written for plain TCP are mapped onto it.
    public const string PlainScheme = "akka.tcp://";
    public const string TlsScheme = "akka.ssl.tcp://";

    public X509Certificate2 Certificate { get; } = certificate;

    public static RemotingTls Load(string certificatePath, string? keyPath, string? password, string? authorityPath)
    {
        var certificate = RemotingCertificate.Load(certificatePath, keyPath, password);
        X509Certificate2? authority = null;
        if (authorityPath is not null)
        {
            if (!File.Exists(authorityPath))
                throw new RemotingTlsException($"--remoting-tls-ca: '{authorityPath}' does not exist or is not readable.");
            try
            {
                authority = X509CertificateLoader.LoadCertificateFromFile(authorityPath);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new RemotingTlsException($"--remoting-tls-ca: '{authorityPath}' is not a PEM or DER certificate ({ex.Message.Trim()}).", ex);
            }
        }

        return new RemotingTls(certificate, new PinnedPeer(certificate, authority));
    }

    /// <summary>Only the switch: the certificate and the peer check travel in <see cref="Setup"/>, never through HOCON (no password in config dumps).</summary>
    public static Config Hocon { get; } = ConfigurationFactory.ParseString("akka.remote.dot-netty.tcp.enable-ssl = true");

    public Setup Setup() => new DotNettySslSetup(Certificate, suppressValidation: false, requireMutualAuthentication: true,
        validateCertificateHostname: false, customValidator: Validate);

    public static string SeedFor(string seed) =>
        seed.StartsWith(PlainScheme, StringComparison.Ordinal) ? TlsScheme + seed[PlainScheme.Length..] : seed;

    private bool Validate(X509Certificate2? certificate, X509Chain? chain, string remotePeer, System.Net.Security.SslPolicyErrors errors, ILoggingAdapter? log)
    {
        var refusal = peers.Refusal(certificate);
        if (refusal is not null)
            log?.Warning("Remoting TLS refused {0}: {1}", remotePeer, refusal);
        return refusal is null;
    }
}
