using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;


namespace SweLancer.Hosting.Remoting;

/// <summary>
/// Who may talk to this node over TLS remoting: a peer presenting the cluster's own certificate (every node mounts the
/// same one), or one issued by the configured cluster CA. A self-signed certificate chains to nothing the system
/// trusts, so the system store's verdict is not consulted; the pin or the private CA is the whole decision.
/// </summary>
public sealed class PinnedPeer
{
    private readonly byte[] _own;
    private readonly X509Certificate2? _authority;

    public PinnedPeer(X509Certificate2 own, X509Certificate2? authority = null)
    {
        _own = own.GetCertHash(HashAlgorithmName.SHA256);
        _authority = authority;
    }

    /// <summary>Null when the peer may connect, else why not.</summary>
    public string? Refusal(X509Certificate2? peer)
    {
        if (peer is null)
            return "the peer presented no certificate";
        if (CryptographicOperations.FixedTimeEquals(peer.GetCertHash(HashAlgorithmName.SHA256), _own))
            return null;
        if (_authority is not null && IssuedByAuthority(peer))
            return null;
        return $"the peer's certificate ({peer.Subject}, SHA-256 {Convert.ToHexString(peer.GetCertHash(HashAlgorithmName.SHA256))[..16]}…) is not the cluster's"
               + (_authority is null ? "" : " nor issued by the cluster CA");
    }

    private bool IssuedByAuthority(X509Certificate2 peer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }
}
