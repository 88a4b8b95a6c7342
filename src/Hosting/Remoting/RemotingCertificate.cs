using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;


namespace SweLancer.Hosting.Remoting;

/// <summary>
/// Loads the certificate remoting's TLS presents: a PKCS#12 file (.pfx/.p12, optionally with a password), or a PEM
/// certificate with its PEM key (a Kubernetes TLS Secret's tls.crt and tls.key). Every problem names the file.
/// </summary>
public static class RemotingCertificate
{
    public static X509Certificate2 Load(string certificatePath, string? keyPath, string? password)
    {
        Require(certificatePath, "--remoting-tls-certificate");
        X509Certificate2 certificate;
        try
        {
            if (keyPath is not null)
            {
                Require(keyPath, "--remoting-tls-key");
                certificate = password is null
                    ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
                // A PEM key is ephemeral; TLS servers want it in a PKCS#12 round trip (as Kestrel does).
                certificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            }
            else
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
            }
        }
        catch (CryptographicException ex)
        {
            var what = keyPath is null
                ? $"'{certificatePath}' is not a PKCS#12 file this password opens"
                : $"'{certificatePath}' with key '{keyPath}' is not a PEM certificate and its matching private key";
            throw new RemotingTlsException($"remoting TLS: {what} ({ex.Message.Trim()}).", ex);
        }

        if (!certificate.HasPrivateKey)
            throw new RemotingTlsException($"remoting TLS: '{certificatePath}' holds no private key; a node must prove it owns its certificate.");
        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
            throw new RemotingTlsException(
                $"remoting TLS: the certificate in '{certificatePath}' is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u}, not now.");
        return certificate;
    }

    private static void Require(string path, string option)
    {
        if (!File.Exists(path))
            throw new RemotingTlsException($"{option}: '{path}' does not exist or is not readable.");
    }
}
